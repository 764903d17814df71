# psl's bundled Nix lib: definition properties (mkIf, mkMerge, mkOverride, mkOrder and friends) and the
# functions evalModules uses to resolve them. Same public behaviour as nixpkgs' lib.modules for these names.
{ lib }:
let
  inherit (builtins)
    isBool
    isAttrs
    concatMap
    mapAttrs
    foldl'
    sort
    ;
in
rec {
  defaultOverridePriority = 100;
  defaultOrderPriority = 1000;

  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };
  mkAssert =
    assertion: message: content:
    mkIf (if assertion then true else throw "\nFailed assertion: ${message}") content;
  mkMerge = contents: {
    _type = "merge";
    inherit contents;
  };
  mkOverride = priority: content: {
    _type = "override";
    inherit priority content;
  };
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  mkFixStrictness = x: x;
  mkOrder = priority: content: {
    _type = "order";
    inherit priority content;
  };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;
  mkDefinition =
    args@{ file, value }:
    args
    // {
      _type = "definition";
    };

  # A definition whose value is an override of the option's own highest-priority definitions.
  mkDerivedConfig = opt: f: mkOverride (opt.highestPrio or defaultOverridePriority) (f opt.value);

  mkAliasIfDef = option: mkIf (lib.isOption option && option.isDefined);
  mkAliasDefinitions = mkAliasAndWrapDefinitions (x: x);
  mkAliasAndWrapDefinitions = wrap: option: mkAliasIfDef option (wrap (mkMerge option.definitions));
  mkAliasAndWrapDefsWithPriority =
    wrap: option:
    let
      prio = option.highestPrio or defaultOverridePriority;
    in
    mkAliasIfDef option (wrap (mkMerge (map (mkOverride prio) option.definitions)));

  # Splices mkMerge and moves mkIf/mkOverride from an attribute set onto each of its attributes, so that
  # the names a definition sets are known without evaluating its conditions.
  pushDownProperties =
    cfg:
    let
      t = cfg._type or "";
    in
    if t == "merge" then
      concatMap pushDownProperties cfg.contents
    else if t == "if" then
      map (mapAttrs (_: v: mkIf cfg.condition v)) (pushDownProperties cfg.content)
    else if t == "override" then
      map (mapAttrs (_: v: mkOverride cfg.priority v)) (pushDownProperties cfg.content)
    else
      [ cfg ];

  # Resolves mkMerge and mkIf at the top of one definition value: a list of the values that remain.
  dischargeProperties =
    def:
    let
      t = def._type or "";
    in
    if t == "merge" then
      concatMap dischargeProperties def.contents
    else if t == "if" then
      if isBool def.condition then
        if def.condition then dischargeProperties def.content else [ ]
      else
        throw "‘mkIf’ called with a non-Boolean condition"
    else
      [ def ];

  # Keeps the definitions with the numerically lowest priority, without their mkOverride wrapper.
  filterOverrides' =
    defs:
    let
      prioOf = def: if def.value._type or "" == "override" then def.value.priority else defaultOverridePriority;
      highestPrio = foldl' (p: def: lib.min (prioOf def) p) 9999 defs;
      unwrap = def: if def.value._type or "" == "override" then def // { value = def.value.content; } else def;
    in
    {
      values = concatMap (def: if prioOf def == highestPrio then [ (unwrap def) ] else [ ]) defs;
      inherit highestPrio;
    };
  filterOverrides = defs: (filterOverrides' defs).values;

  # Orders definitions by mkOrder priority (stable), removing the wrappers.
  sortProperties =
    defs:
    let
      unwrap =
        def:
        if def.value._type or "" == "order" then
          def
          // {
            value = def.value.content;
            inherit (def.value) priority;
          }
        else
          def;
      withPrio = map unwrap defs;
      cmp = a: b: (a.priority or defaultOrderPriority) < (b.priority or defaultOrderPriority);
    in
    sort cmp withPrio;

}
