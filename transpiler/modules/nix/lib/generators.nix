# psl's bundled Nix lib: lib.generators — text formats modules write config files with (toKeyValue, toINI,
# toINIWithGlobalSection, toJSON, toYAML) and toPretty/withRecursion (used in error messages), with the
# same output as nixpkgs' lib.generators.
{ lib }:
let
  inherit (builtins)
    isInt
    isString
    isBool
    isList
    isAttrs
    isFloat
    isPath
    concatStringsSep
    concatLists
    mapAttrs
    elem
    filter
    split
    length
    ;
  inherit (lib) isDerivation isFunction mapAttrsToList;
in
rec {
  mkValueStringDefault =
    { }:
    v:
    let
      err = t: v: abort ("generators.mkValueStringDefault: " + "${t} not supported: ${toPretty { } v}");
    in
    if isInt v then
      toString v
    else if isDerivation v then
      toString v
    else if isString v then
      v
    else if true == v then
      "true"
    else if false == v then
      "false"
    else if null == v then
      "null"
    else if isList v then
      err "lists" v
    else if isAttrs v then
      err "attrsets" v
    else if isFunction v then
      err "functions" v
    else if isFloat v then
      toString v
    else if isPath v then
      toString v
    else
      err "this value is" (toString v);

  mkKeyValueDefault =
    {
      mkValueString ? mkValueStringDefault { },
    }:
    sep: k: v:
    "${lib.strings.escape [ sep ] k}${sep}${mkValueString v}";

  toKeyValue =
    {
      mkKeyValue ? mkKeyValueDefault { } "=",
      listsAsDuplicateKeys ? false,
      indent ? "",
    }:
    let
      mkLine = k: v: indent + mkKeyValue k v + "\n";
      mkLines =
        if listsAsDuplicateKeys then k: v: map (mkLine k) (if isList v then v else [ v ]) else k: v: [ (mkLine k v) ];
    in
    attrs: lib.concatStrings (concatLists (mapAttrsToList mkLines attrs));

  toINI =
    {
      mkSectionName ? (name: lib.strings.escape [ "[" "]" ] name),
      mkKeyValue ? mkKeyValueDefault { } "=",
      listsAsDuplicateKeys ? false,
    }:
    attrsOfAttrs:
    let
      mkSection =
        name: values:
        ''
          [${mkSectionName name}]
        ''
        + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } values;
    in
    concatStringsSep "\n" (mapAttrsToList mkSection attrsOfAttrs);

  toINIWithGlobalSection =
    {
      mkSectionName ? (name: lib.strings.escape [ "[" "]" ] name),
      mkKeyValue ? mkKeyValueDefault { } "=",
      listsAsDuplicateKeys ? false,
    }:
    {
      globalSection,
      sections ? { },
    }:
    (
      if globalSection == { } then
        ""
      else
        (toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } globalSection) + "\n"
    )
    + (toINI { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections);

  toJSON = { }: builtins.toJSON;
  toYAML = { }: builtins.toJSON;

  # Replaces values nested deeper than depthLimit by "<unevaluated>" (or throws), so printing terminates.
  withRecursion =
    {
      depthLimit,
      throwOnDepthLimit ? true,
    }:
    assert isInt depthLimit;
    let
      special = [
        "__functor"
        "__functionArgs"
        "__toString"
        "__pretty"
      ];
      limit =
        depth:
        if depthLimit != null && depth > depthLimit then
          if throwOnDepthLimit then
            throw "Exceeded maximum eval-depth limit of ${toString depthLimit} while trying to evaluate with `generators.withRecursion'!"
          else
            _: "<unevaluated>"
        else
          x: x;
      walk =
        depth: v:
        let
          next = x: walk (depth + 1) (limit (depth + 1) x);
        in
        if isAttrs v then
          mapAttrs (name: x: if elem name special then x else next x) v
        else if isList v then
          map next v
        else
          limit (depth + 1) v;
    in
    walk 0;

  toPretty =
    {
      allowPrettyValues ? false,
      multiline ? true,
      indent ? "",
    }:
    let
      go =
        indent: v:
        let
          introSpace = if multiline then "\n${indent}  " else " ";
          outroSpace = if multiline then "\n${indent}" else " ";
        in
        if isInt v then
          toString v
        else if isFloat v then
          builtins.toJSON v
        else if isString v then
          let
            lines = filter (x: !isList x) (split "\n" v);
            escapeSingleline = lib.strings.escape [
              "\\"
              "\""
              "\${"
            ];
            escapeMultiline =
              builtins.replaceStrings
                [
                  "\${"
                  "''"
                ]
                [
                  "''\${"
                  "'''"
                ];
            single = "\"" + concatStringsSep "\\n" (map escapeSingleline lines) + "\"";
            multi =
              let
                escaped = map escapeMultiline lines;
                lastLine = lib.last escaped;
              in
              "''"
              + introSpace
              + concatStringsSep introSpace (lib.init escaped)
              + (if lastLine == "" then outroSpace else introSpace + lastLine)
              + "''";
          in
          if multiline && length lines > 1 then multi else single
        else if true == v then
          "true"
        else if false == v then
          "false"
        else if null == v then
          "null"
        else if isPath v then
          toString v
        else if isList v then
          if v == [ ] then
            "[ ]"
          else
            "[" + introSpace + concatStringsSep introSpace (map (go (indent + "  ")) v) + outroSpace + "]"
        else if isFunction v then
          let
            fna = lib.functionArgs v;
            shown = concatStringsSep ", " (mapAttrsToList (name: hasDefault: if hasDefault then name + "?" else name) fna);
          in
          if fna == { } then "<function>" else "<function, args: {${shown}}>"
        else if isAttrs v then
          if allowPrettyValues && v ? __pretty && v ? val then
            v.__pretty v.val
          else if v == { } then
            "{ }"
          else if v ? type && v.type == "derivation" then
            "<derivation ${v.name or "???"}>"
          else
            "{"
            + introSpace
            + concatStringsSep introSpace (
              mapAttrsToList (
                name: value:
                "${lib.strings.escapeNixIdentifier name} = ${
                  builtins.addErrorContext "while evaluating an attribute `${name}`" (go (indent + "  ") value)
                };"
              ) v
            )
            + outroSpace
            + "}"
        else
          abort "generators.toPretty: should never happen (v = ${v})";
    in
    go indent;
}
