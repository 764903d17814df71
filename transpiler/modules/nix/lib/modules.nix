# psl's bundled Nix lib: evalModules. Takes the modules modules-collect.nix gathers, matches option
# declarations with definitions by path, and merges each
# option's definitions: properties (mkIf/mkMerge) resolved, priorities filtered, mkOrder sorted, the type's
# check and merge, then `apply`. `config` is a lazy fixpoint. Definitions that match no declaration go to
# the freeform type when there is one, and are an error otherwise (when _module.check is true).
# Same public behaviour as nixpkgs' lib.modules; written for psl.
{ lib }:
let
  inherit (builtins)
    isAttrs
    attrNames
    mapAttrs
    concatMap
    filter
    length
    head
    all
    zipAttrsWith
    addErrorContext
    foldl'
    ;
  inherit (lib.modules)
    pushDownProperties
    dischargeProperties
    filterOverrides'
    sortProperties
    mkOptionDefault
    defaultOverridePriority
    ;
  inherit (lib.options) isOption showOption showFiles showDefs;
  inherit (lib.modules) collectModules setDefaultModuleLocation;
in
rec {
  # Declarations of one option from several modules, merged into one declaration.
  mergeOptionDecls =
    loc: decls:
    foldl' (
      res: decl:
      let
        both = k: decl.options ? ${k} && res ? ${k};
        already = "The option `${showOption loc}' in `${decl._file}' is already declared in ${showFiles res.declarations}.";
        typeSet =
          if decl.options ? type && res ? type then
            let
              merged = res.type.typeMerge decl.options.type.functor;
            in
            if merged == null then throw already else { type = merged; }
          else
            { };
        subModules =
          let
            get = decl.options.type.getSubModules or null;
          in
          if get != null then map (setDefaultModuleLocation decl._file) get ++ res.options else res.options;
      in
      if both "default" || both "example" || both "description" || both "apply" then
        throw already
      else
        decl.options
        // res
        // {
          declarations = res.declarations ++ [ decl._file ];
          options = subModules;
        }
        // typeSet
    ) {
      inherit loc;
      declarations = [ ];
      options = [ ];
    } decls;

  # The type an option ends with: unspecified when none was given; a module-valued type gets the modules
  # of every declaration, each with its file.
  fixupOptionType =
    loc: opt:
    if opt.type.getSubModules or null == null then
      opt // { type = opt.type or lib.types.unspecified; }
    else
      opt
      // {
        type = opt.type.substSubModules opt.options;
        options = [ ];
      };

  mergeDefinitions = loc: type: defs: rec {
    defsFinal' =
      let
        normalised = concatMap (
          m:
          map (
            value:
            if value._type or null == "definition" then
              value
            else
              {
                inherit (m) file;
                inherit value;
              }
          ) (addErrorContext "while evaluating definitions from `${m.file}':" (dischargeProperties m.value))
        ) defs;
        filtered = filterOverrides' normalised;
        sorted =
          if builtins.any (def: def.value._type or "" == "order") filtered.values then
            sortProperties filtered.values
          else
            filtered.values;
      in
      {
        values = sorted;
        inherit (filtered) highestPrio;
      };
    defsFinal = defsFinal'.values;
    isDefined = defsFinal != [ ];
    mergedValue =
      if isDefined then
        if all (def: type.check def.value) defsFinal then
          type.merge loc defsFinal
        else
          let
            invalid = filter (def: !type.check def.value) defsFinal;
          in
          throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs invalid}"
      else if type.emptyValue ? value then
        type.emptyValue.value
      else
        throw "The option `${showOption loc}' was accessed but has no value defined. Try setting the option.";
    optionalValue = if isDefined then { value = mergedValue; } else { };
    checkedAndMerged = {
      headError = null;
      value = mergedValue;
      valueMeta = { };
    };
  };

  # An option declaration with its definitions: the option record modules see in `options`.
  evalOptionValue =
    loc: opt: defs:
    let
      defs' =
        if opt ? default then
          [
            {
              file = head opt.declarations;
              value = mkOptionDefault opt.default;
            }
          ]
          ++ defs
        else
          defs;
      res =
        if opt.readOnly or false && length defs' > 1 then
          let
            separate = map (def: def // { value = (mergeDefinitions loc opt.type [ def ]).mergedValue; }) defs';
          in
          throw "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs separate}"
        else
          mergeDefinitions loc opt.type defs';
      value = if opt ? apply then opt.apply res.mergedValue else res.mergedValue;
      deprecated =
        if opt.type.deprecationMessage or null != null then
          lib.warn "The type `types.${opt.type.name}' of option `${showOption loc}' defined in ${showFiles opt.declarations} is deprecated. ${opt.type.deprecationMessage}"
        else
          x: x;
    in
    deprecated opt
    // {
      value = addErrorContext "while evaluating the option `${showOption loc}':" value;
      inherit (res.defsFinal') highestPrio;
      definitions = map (def: def.value) res.defsFinal;
      files = map (def: def.file) res.defsFinal;
      definitionsWithLocations = res.defsFinal;
      inherit (res) isDefined;
      valueMeta = { };
      __toString = _: showOption loc;
    };

  # Matches declarations with definitions at `loc`: { matchedOptions; unmatchedDefns = [{file; prefix; value}]; }
  mergeModules' =
    loc: decls: defs:
    let
      asSet =
        file: v:
        if isAttrs v then
          v
        else
          throw "A definition in `${file}' for `${showOption loc}' is a ${builtins.typeOf v}, but `${showOption loc}' is a set of options, so the definition must be an attribute set.";
      pushed = concatMap (
        d:
        map (value: {
          inherit (d) file;
          value = asSet d.file value;
        }) (pushDownProperties d.value)
      ) defs;
      defsByName = zipAttrsWith (n: vs: vs) (
        map (
          d:
          mapAttrs (n: v: {
            inherit (d) file;
            value = v;
          }) d.value
        ) pushed
      );
      declsByName = zipAttrsWith (n: vs: vs) (
        map (
          d:
          mapAttrs (n: o: {
            inherit (d) _file;
            options = o;
          }) d.options
        ) decls
      );
      results = mapAttrs (
        name: ds:
        let
          loc' = loc ++ [ name ];
          defsHere = defsByName.${name} or [ ];
          optionDecls = filter (d: isOption d.options) ds;
          namespaceDecls = filter (d: !isOption d.options) ds;
          asSubmoduleDecl = d: {
            inherit (d) _file;
            options = lib.mkOption {
              type = lib.types.submoduleWith {
                modules = [ { options = d.options; } ];
                shorthandOnlyDefinesConfig = null;
              };
            };
          };
        in
        if optionDecls == [ ] then
          let
            sub = mergeModules' loc' ds defsHere;
          in
          {
            matched = sub.matchedOptions;
            unmatched = sub.unmatchedDefns;
          }
        else if namespaceDecls == [ ] then
          {
            matched = evalOptionValue loc' (fixupOptionType loc' (mergeOptionDecls loc' ds)) defsHere;
            unmatched = [ ];
          }
        else if all (d: d.options.type.name or null == "submodule") optionDecls then
          {
            matched = evalOptionValue loc' (fixupOptionType loc' (
              mergeOptionDecls loc' (optionDecls ++ map asSubmoduleDecl namespaceDecls)
            )) defsHere;
            unmatched = [ ];
          }
        else
          throw "The option `${showOption loc'}' in `${(head optionDecls)._file}' is a prefix of options in `${(head namespaceDecls)._file}'."
      ) declsByName;
      undeclared = filter (n: !(declsByName ? ${n})) (attrNames defsByName);
    in
    {
      matchedOptions = mapAttrs (n: r: r.matched) results;
      unmatchedDefns =
        concatMap (
          name:
          map (d: {
            inherit (d) file value;
            prefix = [ name ];
          }) defsByName.${name}
        ) undeclared
        ++ concatMap (name: map (u: u // { prefix = [ name ] ++ u.prefix; }) results.${name}.unmatched) (
          attrNames results
        );
    };

  evalModules =
    evalModulesArgs@{
      modules,
      prefix ? [ ],
      args ? { },
      specialArgs ? { },
      check ? true,
      class ? null,
    }:
    let
      internalModule = {
        _file = "lib/modules.nix";
        key = "lib/modules.nix";
        options = {
          _module.args = lib.mkOption {
            type = lib.types.lazyAttrsOf lib.types.raw;
            internal = true;
            description = "Additional arguments passed to each module.";
          };
          _module.check = lib.mkOption {
            type = lib.types.bool;
            internal = true;
            default = check;
            description = "Whether to check whether all option definitions have matching declarations.";
          };
          _module.freeformType = lib.mkOption {
            type = lib.types.nullOr lib.types.optionType;
            internal = true;
            default = null;
            description = "If set, merge all definitions that don't have an associated option together using this type.";
          };
          _module.specialArgs = lib.mkOption {
            readOnly = true;
            internal = true;
            description = "Externally provided module arguments that can't be modified from within a configuration.";
          };
        };
        config = {
          _module.args = {
            inherit extendModules;
            moduleType = type;
          }
          // args;
          _module.specialArgs = specialArgs;
        };
      };

      # psl's isolation (psl's evaluator only): an option nobody declares reads as an opaque unknown value
      # instead of failing, so one module translates without the rest of NixOS. `?`/`or` are unaffected.
      pslUnknowns = (specialArgs._pslUnknowns or false) && builtins ? pslUnknownAttrs;
      unknownValue =
        path:
        let
          name = builtins.concatStringsSep "." path;
        in
        builtins.pslUnknownAttrs (n: unknownValue (path ++ [ n ])) {
          __pslUnknown = name;
          __toString = _: "«unknown:${name}»";
        };
      openConfig =
        path: set:
        builtins.pslUnknownAttrs (n: unknownValue (path ++ [ n ])) (
          builtins.mapAttrs (
            n: v:
            if builtins.isAttrs v && !(v ? outPath) && !(v ? _type) && !(v ? __pslUnknown) then
              openConfig (path ++ [ n ]) v
            else
              v
          ) set
        );
      moduleConfig = if pslUnknowns then openConfig prefix config else config;

      collected = collectModules class (specialArgs.modulesPath or "") (modules ++ [ internalModule ]) (
        {
          config = moduleConfig;
          inherit lib options specialArgs;
          _class = class;
        }
        // specialArgs
      );

      merged = mergeModules' prefix (map (m: {
        inherit (m) _file options;
      }) collected) (map (m: {
        file = m._file;
        value = m.config;
      }) collected);

      options = merged.matchedOptions;

      config =
        let
          declaredConfig = lib.mapAttrsRecursiveCond (v: !isOption v) (_: v: v.value) options;
          freeformType = declaredConfig._module.freeformType;
          freeformDefs = map (def: {
            inherit (def) file;
            value = lib.setAttrByPath def.prefix def.value;
          }) merged.unmatchedDefns;
          freeformConfig = if freeformDefs == [ ] then { } else freeformType.merge prefix freeformDefs;
        in
        if freeformType == null then declaredConfig else lib.recursiveUpdate freeformConfig declaredConfig;

      checkUnmatched =
        if config._module.check && config._module.freeformType == null && merged.unmatchedDefns != [ ] then
          let
            first = head merged.unmatchedDefns;
            optText = showOption (prefix ++ first.prefix);
            defText = addErrorContext "while evaluating the error message for definitions for `${optText}', which is an option that does not exist" (
              addErrorContext "while evaluating a definition from `${first.file}'" (
                showDefs [
                  {
                    inherit (first) file;
                    inherit (first) value;
                  }
                ]
              )
            );
            parent = lib.init first.prefix;
            siblings = attrNames (lib.attrByPath parent { } options);
            candidates = if parent == [ ] then lib.remove "_module" siblings else siblings;
            wrong = lib.last first.prefix;
            close =
              if length candidates < 100 then
                lib.take 3 (lib.sortOn (lib.strings.levenshtein wrong) candidates)
              else
                lib.take 3 (
                  lib.sortOn (lib.strings.levenshtein wrong) (filter (lib.strings.levenshteinAtMost 2 wrong) candidates)
                );
            shown = s: "`${showOption (lib.init (prefix ++ first.prefix) ++ [ s ])}'";
            hint =
              if close == [ ] then
                ""
              else if length close == 1 then
                "\n\nDid you mean ${shown (head close)}?"
              else
                "\n\nDid you mean ${builtins.concatStringsSep ", " (map shown (lib.init close))} or ${shown (lib.last close)}?";
          in
          throw "The option `${optText}' does not exist. Definition values:${defText}${hint}"
        else
          null;
      checked = builtins.seq checkUnmatched;

      extendModules =
        extendArgs@{
          modules ? [ ],
          specialArgs ? { },
          prefix ? [ ],
        }:
        evalModules (
          evalModulesArgs
          // {
            modules = evalModulesArgs.modules ++ modules;
            specialArgs = evalModulesArgs.specialArgs or { } // specialArgs;
            prefix = extendArgs.prefix or evalModulesArgs.prefix or [ ];
          }
        );

      type = lib.types.submoduleWith {
        inherit modules specialArgs class;
      };
    in
    {
      _type = "configuration";
      options = checked options;
      config = checked (removeAttrs config [ "_module" ]);
      _module = checked config._module;
      inherit extendModules type class;
    };
}
