# psl's NixOS stand-in: pkgs.formats.{ini,iniWithGlobalSection,keyValue,json,yaml,toml}. Each gives the option
# `type` nixpkgs declares for settings in that format and `generate name value`, a fake file derivation whose
# `text` is the generated file. ini and keyValue text is what nixpkgs writes (lib.generators); json is
# pretty-printed as jq prints it; yaml and toml are written by psl (same data, layout may differ).
{ lib, writeText }:
let
  inherit (lib) types;
  maybeToList = listToValue: if listToValue == null then x: x else lib.mapAttrs (_: v: if builtins.isList v then listToValue v else v);

  iniAtomType =
    {
      listsAsDuplicateKeys,
      listToValue,
    }:
    let
      single = types.nullOr (types.oneOf [ types.bool types.int types.float types.str ]) // {
        description = "INI atom (null, bool, int, float or string)";
      };
    in
    if listsAsDuplicateKeys then
      types.coercedTo single lib.singleton (types.listOf single) // {
        description = single.description + " or a list of them for duplicate keys";
      }
    else if listToValue != null then
      types.coercedTo single lib.singleton (types.nonEmptyListOf single) // {
        description = single.description + " or a non-empty list of them";
      }
    else
      single;

  # JSON-shaped values: null, bool, int, float, string, path, lists and attribute sets of them.
  valueType =
    { nullable, description }:
    let
      t =
        (if nullable then types.nullOr else (x: x)) (
          types.oneOf [
            types.bool
            types.int
            types.float
            types.str
            types.path
            (types.attrsOf t)
            (types.listOf t)
          ]
        )
        // {
          inherit description;
        };
    in
    t;

  # jq's `.` output: two-space indentation, `"key": value`, empty containers as {} and [].
  prettyJSON =
    indent: v:
    let
      inner = indent + "  ";
    in
    if builtins.isAttrs v && !(v ? outPath) then
      if v == { } then
        "{}"
      else
        "{\n"
        + builtins.concatStringsSep ",\n" (
          lib.mapAttrsToList (k: x: "${inner}${builtins.toJSON k}: ${prettyJSON inner x}") v
        )
        + "\n${indent}}"
    else if builtins.isList v then
      if v == [ ] then "[]" else "[\n" + builtins.concatStringsSep ",\n" (map (x: inner + prettyJSON inner x) v) + "\n${indent}]"
    else
      builtins.toJSON v;

  yamlScalar =
    v:
    if v == null then
      "null"
    else if builtins.isBool v then
      lib.boolToString v
    else if builtins.isInt v || builtins.isFloat v then
      builtins.toJSON v
    else
      builtins.toJSON (toString v);
  yamlKey =
    k:
    if
      builtins.match "[A-Za-z_][A-Za-z0-9_.-]*" k != null
      && !builtins.elem (lib.toLower k) [ "true" "false" "null" "yes" "no" "on" "off" "y" "n" "~" ]
    then
      k
    else
      builtins.toJSON k;
  isContainer = v: (builtins.isAttrs v && !(v ? outPath) && v != { }) || (builtins.isList v && v != [ ]);
  emptyContainer = v: if builtins.isList v then "[]" else "{}";
  yamlLines =
    indent: v:
    if builtins.isAttrs v && !(v ? outPath) then
      lib.concatLists (
        lib.mapAttrsToList (
          k: x:
          let
            key = "${indent}${yamlKey k}:";
          in
          if isContainer x then
            [ key ] ++ yamlLines "${indent}  " x
          else if builtins.isAttrs x && !(x ? outPath) || builtins.isList x then
            [ "${key} ${emptyContainer x}" ]
          else
            [ "${key} ${yamlScalar x}" ]
        ) v
      )
    else
      lib.concatMap (
        x:
        if isContainer x then
          let
            sub = yamlLines "${indent}  " x;
          in
          [ "${indent}- ${lib.removePrefix "${indent}  " (builtins.head sub)}" ] ++ builtins.tail sub
        else if builtins.isAttrs x && !(x ? outPath) || builtins.isList x then
          [ "${indent}- ${emptyContainer x}" ]
        else
          [ "${indent}- ${yamlScalar x}" ]
      ) v;
  toYAML = v: if isContainer v then lib.concatLines (yamlLines "" v) else yamlScalar v + "\n";

  tomlKey = k: if builtins.match "[A-Za-z0-9_-]+" k != null then k else builtins.toJSON k;
  tomlValue =
    v:
    if builtins.isBool v then
      lib.boolToString v
    else if builtins.isInt v || builtins.isFloat v then
      builtins.toJSON v
    else if builtins.isList v then
      "[" + builtins.concatStringsSep ", " (map tomlValue v) + "]"
    else if builtins.isAttrs v && !(v ? outPath) then
      "{ " + builtins.concatStringsSep ", " (lib.mapAttrsToList (k: x: "${tomlKey k} = ${tomlValue x}") v) + " }"
    else
      builtins.toJSON (toString v);
  isTable = v: builtins.isAttrs v && !(v ? outPath);
  isTableList = v: builtins.isList v && v != [ ] && builtins.all isTable v;
  tomlSection =
    path: set:
    let
      simple = lib.filterAttrs (k: v: !(isTable v) && !(isTableList v) && v != null) set;
      tables = lib.filterAttrs (k: v: isTable v) set;
      tableLists = lib.filterAttrs (k: v: isTableList v) set;
      header = name: builtins.concatStringsSep "." (map tomlKey (path ++ [ name ]));
      body = lib.concatStrings (lib.mapAttrsToList (k: v: "${tomlKey k} = ${tomlValue v}\n") simple);
    in
    body
    + lib.concatStrings (
      lib.mapAttrsToList (k: v: "\n[${header k}]\n" + tomlSection (path ++ [ k ]) v) tables
    )
    + lib.concatStrings (
      lib.mapAttrsToList (
        k: vs: lib.concatMapStrings (v: "\n[[${header k}]]\n" + tomlSection (path ++ [ k ]) v) vs
      ) tableLists
    );
in
{
  ini =
    {
      listsAsDuplicateKeys ? false,
      listToValue ? null,
      ...
    }@args:
    {
      type = types.attrsOf (types.attrsOf (iniAtomType { inherit listsAsDuplicateKeys listToValue; }));
      generate =
        name: value:
        writeText name (
          lib.generators.toINI (removeAttrs args [ "listToValue" ]) (
            lib.mapAttrs (_: maybeToList listToValue) value
          )
        );
    };

  iniWithGlobalSection =
    {
      listsAsDuplicateKeys ? false,
      listToValue ? null,
      ...
    }@args:
    let
      atom = iniAtomType { inherit listsAsDuplicateKeys listToValue; };
    in
    {
      type = types.submodule {
        options.globalSection = lib.mkOption {
          type = types.attrsOf atom;
          default = { };
        };
        options.sections = lib.mkOption {
          type = types.attrsOf (types.attrsOf atom);
          default = { };
        };
      };
      generate =
        name:
        {
          globalSection ? { },
          sections ? { },
          ...
        }:
        writeText name (
          lib.generators.toINIWithGlobalSection (removeAttrs args [ "listToValue" ]) {
            globalSection = maybeToList listToValue globalSection;
            sections = lib.mapAttrs (_: maybeToList listToValue) sections;
          }
        );
    };

  keyValue =
    {
      mkKeyValue ? lib.generators.mkKeyValueDefault { } "=",
      listsAsDuplicateKeys ? false,
      listToValue ? null,
      ...
    }@args:
    {
      type = types.attrsOf (iniAtomType { inherit listsAsDuplicateKeys listToValue; });
      generate =
        name: value:
        writeText name (lib.generators.toKeyValue (removeAttrs args [ "listToValue" ]) (maybeToList listToValue value));
    };

  json =
    { }:
    {
      type = valueType {
        nullable = true;
        description = "JSON value";
      };
      generate = name: value: writeText name (prettyJSON "" value + "\n");
    };

  yaml =
    { }:
    {
      type = valueType {
        nullable = true;
        description = "YAML value";
      };
      generate = name: value: writeText name (toYAML value);
    };
  yaml_1_1 = { }: (import ./formats.nix { inherit lib writeText; }).yaml { };
  yaml_1_2 = { }: (import ./formats.nix { inherit lib writeText; }).yaml { };

  toml =
    { }:
    {
      type = valueType {
        nullable = false;
        description = "TOML value";
      };
      generate = name: value: writeText name (tomlSection [ ] value);
    };
}
