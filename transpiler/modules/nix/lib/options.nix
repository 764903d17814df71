# psl's bundled Nix lib: option declarations and the merge helpers types use (lib.options), same public
# behaviour as nixpkgs' lib.options for what service modules use.
{ lib }:
let
  inherit (builtins)
    length
    head
    tail
    foldl'
    filter
    isAttrs
    isList
    isString
    isBool
    isInt
    isFunction
    all
    concatLists
    concatStringsSep
    ;
  prioritySuggestion = ''
    Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
  '';
in
rec {
  mkOption =
    {
      default ? null,
      defaultText ? null,
      example ? null,
      description ? null,
      relatedPackages ? null,
      type ? null,
      apply ? null,
      internal ? null,
      visible ? null,
      readOnly ? null,
    }@attrs:
    attrs // { _type = "option"; };

  mkEnableOption =
    name:
    mkOption {
      default = false;
      example = true;
      description = "Whether to enable ${name}.";
      type = lib.types.bool;
    };

  mkPackageOption =
    pkgs: name:
    {
      nullable ? false,
      default ? name,
      example ? null,
      extraDescription ? "",
      pkgsText ? "pkgs",
    }:
    let
      name' = if isList name then lib.last name else name;
      default' = lib.toList default;
      defaultText = lib.showAttrPath default';
      defaultValue = lib.attrByPath default' (throw "${defaultText} cannot be found in ${pkgsText}") pkgs;
      defaults =
        if default != null then
          {
            default = defaultValue;
            defaultText = literalExpression "${pkgsText}.${defaultText}";
          }
        else
          lib.optionalAttrs nullable { default = null; };
    in
    mkOption (
      defaults
      // {
        description = "The ${name'} package to use." + (if extraDescription == "" then "" else " ") + extraDescription;
        type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
      }
      // lib.optionalAttrs (example != null) {
        example = literalExpression (
          if isList example then "${pkgsText}.${lib.showAttrPath example}" else example
        );
      }
    );

  mkSinkUndeclaredOptions =
    attrs:
    mkOption (
      {
        internal = true;
        visible = false;
        default = false;
        description = "Sink for option definitions.";
        type = lib.types.mkOptionType {
          name = "sink";
          check = x: true;
          merge = loc: defs: false;
        };
        apply = x: throw "Option value is not readable because the option is not declared.";
      }
      // attrs
    );

  isOption = lib.isType "option";

  literalExpression =
    text:
    if !isString text then
      throw "literalExpression expects a string."
    else
      {
        _type = "literalExpression";
        inherit text;
      };
  literalMD =
    text:
    if !isString text then
      throw "literalMD expects a string."
    else
      {
        _type = "literalMD";
        inherit text;
      };

  getValues = map (x: x.value);
  getFiles = map (x: x.file);

  mergeDefaultOption =
    loc: defs:
    let
      list = getValues defs;
    in
    if length list == 1 then
      head list
    else if all isFunction list then
      x: mergeDefaultOption loc (map (f: f x) list)
    else if all isList list then
      concatLists list
    else if all isAttrs list then
      foldl' (a: b: a // b) { } list
    else if all isBool list then
      foldl' (a: b: a || b) false list
    else if all isString list then
      lib.concatStrings list
    else if all isInt list && all (x: x == head list) list then
      head list
    else
      throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";

  mergeUniqueOption =
    {
      message,
      merge ? null,
    }:
    loc: defs:
    if length defs == 1 then
      if merge == null then (head defs).value else merge loc defs
    else
      assert length defs > 1;
      throw "The option `${showOption loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${showDefs defs}\n${prioritySuggestion}";

  mergeOneOption = mergeUniqueOption { message = ""; };

  mergeEqualOption =
    loc: defs:
    if defs == [ ] then
      abort "This case should never happen."
    else if length defs == 1 then
      (head defs).value
    else
      (foldl' (
        first: def:
        if def.value != first.value then
          throw "The option `${showOption loc}' has conflicting definition values:${
            showDefs [
              first
              def
            ]
          }\n${prioritySuggestion}"
        else
          first
      ) (head defs) (tail defs)).value;

  showOption =
    parts:
    let
      part = p: if p == "*" || builtins.match "<(.*)>" p != null then p else lib.strings.escapeNixIdentifier p;
    in
    concatStringsSep "." (map part parts);
  showFiles = files: concatStringsSep " and " (map (f: "`${f}'") files);

  showDefs =
    defs:
    lib.concatMapStrings (
      def:
      let
        pretty = builtins.tryEval (
          lib.generators.toPretty { } (
            lib.generators.withRecursion {
              depthLimit = 10;
              throwOnDepthLimit = false;
            } def.value
          )
        );
        lines = filter (v: !isList v) (builtins.split "\n" pretty.value);
        shown = concatStringsSep "\n    " (lib.take 5 lines ++ lib.optional (length lines > 5) "...");
        result =
          if !pretty.success then
            ""
          else if length lines > 1 then
            ":\n    " + shown
          else
            ": " + shown;
      in
      "\n- In `${def.file}'${result}"
    ) defs;

  showOptionWithDefLocs = opt: ''
    ${showOption opt.loc}, with values defined in:
    ${lib.concatMapStringsSep "\n" (defFile: "  - ${defFile}") opt.files}
  '';

  unknownModule = "<unknown-file>";

  scrubOptionValue =
    x:
    if lib.isDerivation x then
      {
        type = "derivation";
        drvPath = x.name;
        outPath = x.name;
        name = x.name;
      }
    else if isList x then
      map scrubOptionValue x
    else if isAttrs x then
      builtins.mapAttrs (n: v: scrubOptionValue v) (removeAttrs x [ "_args" ])
    else
      x;
}
