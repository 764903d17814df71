# psl's bundled Nix lib: the scalar option types (str, int, bool, path, package, enum, ints.*, …) with the
# same checks, merges and descriptions as nixpkgs' lib.types.
{ lib }:
let
  inherit (lib.types) mkOptionType optionDescriptionPhrase;
  inherit (builtins)
    isString
    isInt
    isBool
    isFloat
    isAttrs
    match
    elem
    length
    head
    ;
  addCheck = elemType: check: elemType // { check = x: elemType.check x && check x; };
  betweenDesc = lowest: highest: "${toString lowest} and ${toString highest} (both inclusive)";
  between =
    lowest: highest:
    assert lib.assertMsg (lowest <= highest) "ints.between: lowest must be smaller than highest";
    addCheck int (x: x >= lowest && x <= highest)
    // {
      name = "intBetween";
      description = "integer between ${betweenDesc lowest highest}";
    };
  unsign =
    bit: range:
    addCheck int (x: x >= 0 && x <= range - 1)
    // {
      name = "unsignedInt${toString bit}";
      description = "${toString bit} bit unsigned integer; between ${betweenDesc 0 (range - 1)}";
    };
  sign =
    bit: range:
    addCheck int (x: x >= -(range / 2) && x <= range / 2 - 1)
    // {
      name = "signedInt${toString bit}";
      description = "${toString bit} bit signed integer; between ${betweenDesc (-(range / 2)) (range / 2 - 1)}";
    };
  int = mkOptionType {
    name = "int";
    description = "signed integer";
    descriptionClass = "noun";
    check = isInt;
    merge = lib.mergeEqualOption;
  };
  str = mkOptionType {
    name = "str";
    description = "string";
    descriptionClass = "noun";
    check = isString;
    merge = lib.mergeEqualOption;
  };
  separatedString =
    sep:
    mkOptionType rec {
      name = "separatedString";
      description =
        if sep == "" then "Concatenated string" else "strings concatenated with ${builtins.toJSON sep}";
      descriptionClass = "noun";
      check = isString;
      merge = loc: defs: builtins.concatStringsSep sep (lib.getValues defs);
      functor = (lib.types.defaultFunctor name) // {
        payload = { inherit sep; };
        type = payload: separatedString payload.sep;
        binOp = lhs: rhs: if lhs.sep == rhs.sep then { inherit (lhs) sep; } else null;
      };
    };
  strMatching =
    pattern:
    mkOptionType {
      name = "strMatching ${lib.strings.escapeNixString pattern}";
      description = "string matching the pattern ${pattern}";
      descriptionClass = "noun";
      check = x: str.check x && match pattern x != null;
      inherit (str) merge;
      functor = (lib.types.defaultFunctor "strMatching") // {
        type = payload: strMatching payload.pattern;
        payload = { inherit pattern; };
        binOp = lhs: rhs: if lhs == rhs then lhs else null;
      };
    };
  pathWith =
    {
      inStore ? null,
      absolute ? null,
    }:
    mkOptionType {
      name = "path";
      description =
        if inStore == true then
          "path in the Nix store"
        else if absolute == true then
          "absolute path"
        else
          "path";
      descriptionClass = "noun";
      check =
        x:
        let
          isInStore = builtins.match "${builtins.storeDir}/[^.].*" (toString x) != null;
          isAbsolute = builtins.substring 0 1 (toString x) == "/";
        in
        lib.isStringLike x
        && (if inStore == null then true else isInStore == inStore)
        && (if absolute == null then true else isAbsolute == absolute);
      merge = lib.mergeEqualOption;
      functor = (lib.types.defaultFunctor "path") // {
        type = pathWith;
        payload = { inherit inStore absolute; };
        binOp = lhs: rhs: if lhs == rhs then lhs else null;
      };
    };
  int' = int;
in
rec {
  inherit
    addCheck
    str
    separatedString
    strMatching
    pathWith
    ;
  int = int';
  raw = mkOptionType {
    name = "raw";
    description = "raw value";
    descriptionClass = "noun";
    check = value: true;
    merge = lib.mergeOneOption;
  };
  unspecified = mkOptionType {
    name = "unspecified";
    description = "unspecified value";
    descriptionClass = "noun";
  };
  bool = mkOptionType {
    name = "bool";
    description = "boolean";
    descriptionClass = "noun";
    check = isBool;
    merge = lib.mergeEqualOption;
  };
  boolByOr = mkOptionType {
    name = "boolByOr";
    description = "boolean (merged using or)";
    descriptionClass = "noun";
    check = isBool;
    merge = loc: defs: builtins.foldl' (result: def: result || def.value) false defs;
  };
  ints = {
    inherit between;
    unsigned = addCheck int (x: x >= 0) // {
      name = "unsignedInt";
      description = "unsigned integer, meaning >=0";
      descriptionClass = "nonRestrictiveClause";
    };
    positive = addCheck int (x: x > 0) // {
      name = "positiveInt";
      description = "positive integer, meaning >0";
      descriptionClass = "nonRestrictiveClause";
    };
    u8 = unsign 8 256;
    u16 = unsign 16 65536;
    u32 = unsign 32 4294967296;
    s8 = sign 8 256;
    s16 = sign 16 65536;
    s32 = sign 32 4294967296;
  };
  port = ints.u16;
  float = mkOptionType {
    name = "float";
    description = "floating point number";
    descriptionClass = "noun";
    check = isFloat;
    merge = lib.mergeEqualOption;
  };
  number = lib.types.either int float;
  numbers = {
    between =
      lowest: highest:
      addCheck number (x: x >= lowest && x <= highest)
      // {
        name = "numberBetween";
        description = "integer or floating point number between ${betweenDesc lowest highest}";
      };
    nonnegative = addCheck number (x: x >= 0) // {
      name = "numberNonnegative";
      description = "nonnegative integer or floating point number, meaning >=0";
      descriptionClass = "nonRestrictiveClause";
    };
    positive = addCheck number (x: x > 0) // {
      name = "numberPositive";
      description = "positive integer or floating point number, meaning >0";
      descriptionClass = "nonRestrictiveClause";
    };
  };
  nonEmptyStr = mkOptionType {
    name = "nonEmptyStr";
    description = "non-empty string";
    descriptionClass = "noun";
    check = x: str.check x && match "[ \t\n]*" x == null;
    inherit (str) merge;
  };
  singleLineStr =
    let
      base = strMatching "[^\n\r]*\n?";
    in
    mkOptionType {
      name = "singleLineStr";
      description = "(optionally newline-terminated) single-line string";
      descriptionClass = "noun";
      inherit (base) check;
      merge = loc: defs: lib.removeSuffix "\n" (base.merge loc defs);
    };
  lines = separatedString "\n";
  commas = separatedString ",";
  envVar = separatedString ":";
  string = separatedString "" // {
    name = "string";
    deprecationMessage = "See https://github.com/NixOS/nixpkgs/pull/66346 for better alternative types.";
  };
  passwdEntry =
    entryType:
    addCheck entryType (s: !(lib.hasInfix ":" s || lib.hasInfix "\n" s))
    // {
      name = "passwdEntry ${entryType.name}";
      description = "${optionDescriptionPhrase (class: class == "noun") entryType}, not containing newlines or colons";
      descriptionClass = "nonRestrictiveClause";
    };
  attrs = mkOptionType {
    name = "attrs";
    description = "attribute set";
    check = isAttrs;
    merge = loc: builtins.foldl' (res: def: res // def.value) { };
    emptyValue = {
      value = { };
    };
  };
  path = pathWith { absolute = true; };
  pathInStore = pathWith { inStore = true; };
  externalPath = pathWith {
    absolute = true;
    inStore = false;
  };
  package = mkOptionType {
    name = "package";
    descriptionClass = "noun";
    check = x: lib.isDerivation x || lib.isStorePath x;
    merge = lib.mergeOneOption;
  };
  shellPackage = package // {
    check = x: lib.isDerivation x && x ? shellPath;
  };
  enum =
    values:
    let
      show =
        v:
        if isString v then
          ''"${v}"''
        else if isInt v then
          toString v
        else if isBool v then
          lib.boolToString v
        else
          "<${builtins.typeOf v}>";
    in
    mkOptionType rec {
      name = "enum";
      description =
        if values == [ ] then
          "impossible (empty enum)"
        else if length values == 1 then
          "value ${show (head values)} (singular enum)"
        else
          "one of ${lib.concatMapStringsSep ", " show values}";
      descriptionClass = if length values < 2 then "noun" else "conjunction";
      check = x: elem x values;
      merge = lib.mergeEqualOption;
      functor = (lib.types.defaultFunctor name) // {
        payload = { inherit values; };
        type = payload: enum payload.values;
        binOp = a: b: { values = lib.unique (a.values ++ b.values); };
      };
    };
}
