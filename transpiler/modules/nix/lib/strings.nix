# psl's bundled Nix lib: string helpers (lib.strings), same public behaviour as nixpkgs' lib.strings.
{ lib }:
let
  inherit (builtins)
    concatStringsSep
    stringLength
    substring
    match
    split
    filter
    isString
    isList
    isAttrs
    isPath
    head
    elemAt
    length
    replaceStrings
    genList
    ;
in
rec {
  inherit (builtins)
    concatStringsSep
    stringLength
    substring
    replaceStrings
    split
    match
    toString
    toJSON
    fromJSON
    parseDrvName
    compareVersions
    splitVersion
    hashString
    unsafeDiscardStringContext
    hasContext
    getContext
    elem
    elemAt
    filter
    genList
    head
    tail
    isAttrs
    isInt
    isList
    isPath
    isString
    readFile
    storeDir
    typeOf
    ;
  replicate = n: s: concatStrings (lib.lists.replicate n s);
  floatToString =
    float:
    let
      result = toString float;
      precise = float == builtins.fromJSON result;
    in
    lib.warnIf (!precise) "Imprecise conversion from float to string ${result}" result;
  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStrings = f: list: concatStrings (lib.imap1 f list);
  concatImapStringsSep = sep: f: list: concatStringsSep sep (lib.imap1 f list);
  concatLines = list: concatStrings (map (s: s + "\n") list);
  join = concatStringsSep;
  intersperse = lib.lists.intersperse;
  optionalString = cond: string: if cond then string else "";
  replaceString = from: to: replaceStrings [ from ] [ to ];
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;
  toSentenceCase =
    str:
    let
      firstChar = substring 0 1 str;
      rest = substring 1 (stringLength str) str;
    in
    toUpper firstChar + toLower rest;
  hasPrefix = pref: str: substring 0 (stringLength pref) str == pref;
  hasSuffix =
    suffix: content:
    let
      lenContent = stringLength content;
      lenSuffix = stringLength suffix;
    in
    lenContent >= lenSuffix && substring (lenContent - lenSuffix) lenContent content == suffix;
  hasInfix = infix: content: match ".*${escapeRegex infix}.*" "${content}" != null;
  removePrefix =
    prefix: str:
    let
      preLen = stringLength prefix;
    in
    if substring 0 preLen str == prefix then substring preLen (stringLength str - preLen) str else str;
  removeSuffix =
    suffix: str:
    let
      sufLen = stringLength suffix;
      sLen = stringLength str;
    in
    if sufLen <= sLen && suffix == substring (sLen - sufLen) sufLen str then
      substring 0 (sLen - sufLen) str
    else
      str;
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);
  stringAsChars = f: s: concatStrings (map f (stringToCharacters s));
  escape = list: replaceStrings list (map (c: "\\${c}") list);
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
  escapeShellArg =
    arg:
    let
      string = toString arg;
    in
    if match "[[:alnum:],._+:@%/-]+" string == null then
      "'${replaceStrings [ "'" ] [ "'\\''" ] string}'"
    else
      string;
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;
  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);
  escapeNixIdentifier =
    s:
    if
      match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null
      && !builtins.elem s [ "assert" "else" "if" "in" "inherit" "let" "or" "rec" "then" "with" ]
    then
      s
    else
      escapeNixString s;
  escapeXML =
    builtins.replaceStrings
      [ "\"" "'" "<" ">" "&" ]
      [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];
  escapeC =
    list: replaceStrings list (map (c: "\\x${toLower (lib.toHexString (charToInt c))}") list);
  charToInt =
    c:
    let
      table = builtins.listToAttrs (
        genList (i: {
          name = builtins.fromJSON ''"\u${lib.fixedWidthString 4 "0" (lib.toHexString (i + 1))}"'';
          value = i + 1;
        }) 126
      );
    in
    table.${c};
  isValidPosixName = name: match "[a-zA-Z_][a-zA-Z0-9_]*" name != null;
  toShellVar =
    name: value:
    lib.throwIfNot (isValidPosixName name) "toShellVar: ${name} is not a valid shell variable name" (
      if isAttrs value && !isStringLike value then
        "declare -A ${name}=(${
          concatStringsSep " " (lib.mapAttrsToList (n: v: "[${escapeShellArg n}]=${escapeShellArg v}") value)
        })"
      else if isList value then
        "declare -a ${name}=(${escapeShellArgs value})"
      else
        "${name}=${escapeShellArg value}"
    );
  toShellVars = vars: concatStringsSep "\n" (lib.mapAttrsToList toShellVar vars);
  splitString =
    sep: s:
    let
      splits = filter isString (split (escapeRegex (toString sep)) (toString s));
    in
    map (addContextFrom s) splits;
  addContextFrom = src: target: substring 0 0 src + target;
  makeSearchPath =
    subDir: paths: concatStringsSep ":" (map (path: path + "/" + subDir) (filter (x: x != null) paths));
  makeSearchPathOutput =
    output: subDir: pkgs:
    makeSearchPath subDir (map (lib.getOutput output) pkgs);
  makeBinPath = makeSearchPathOutput "bin" "bin";
  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  makeIncludePath = makeSearchPathOutput "dev" "include";
  versionOlder = v1: v2: builtins.compareVersions v2 v1 == 1;
  versionAtLeast = v1: v2: !versionOlder v1 v2;
  getName = x: (builtins.parseDrvName (if isString x then x else x.name)).name;
  getVersion = x: (builtins.parseDrvName (if isString x then x else x.name)).version;
  enableFeature = flag: feature: "--${if flag then "enable" else "disable"}-${feature}";
  enableFeatureAs = flag: feature: value: enableFeature flag feature + optionalString flag "=${value}";
  withFeature = flag: feature: "--${if flag then "with" else "without"}-${feature}";
  withFeatureAs = flag: feature: value: withFeature flag feature + optionalString flag "=${value}";
  fixedWidthString =
    width: filler: str:
    let
      strw = stringLength str;
      reqWidth = width - (stringLength filler);
    in
    assert lib.assertMsg (strw <= width) "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString strw})";
    if strw == width then str else filler + fixedWidthString reqWidth filler str;
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);
  isStringLike = x: isString x || isPath x || x ? outPath || x ? __toString;
  isConvertibleWithToString =
    x:
    isStringLike x
    || builtins.elem (builtins.typeOf x) [
      "null"
      "int"
      "float"
      "bool"
    ]
    || (isList x && lib.all isConvertibleWithToString x);
  isStorePath =
    x:
    if isStringLike x then
      let
        str = toString x;
      in
      substring 0 1 str == "/"
      && dirOf str == builtins.storeDir
      && match "[0-9a-z]{32}-.*" (baseNameOf str) != null
    else
      false;
  toInt =
    str:
    if match "[[:space:]]*-?0[0-9]+[[:space:]]*" str != null then
      throw "toInt: Ambiguity in interpretation of ${escapeNixString str} between octal and zero padded integer."
    else
      toIntBase10 str;
  toIntBase10 =
    str:
    let
      m = match "[[:space:]]*(-?)0*([0-9]+)[[:space:]]*" str;
    in
    if m == null then
      throw "toIntBase10: Could not convert ${escapeNixString str} to int."
    else
      builtins.fromJSON (head m + elemAt m 1);
  # Edit distance between two strings (insertions, deletions, substitutions).
  levenshtein =
    a: b:
    let
      bs = stringToCharacters b;
      lb = length bs;
      step =
        prev: ca:
        builtins.foldl' (
          row: j:
          row
          ++ [
            (lib.min (lib.min (elemAt row (j - 1) + 1) (elemAt prev j + 1)) (
              elemAt prev (j - 1) + (if ca == elemAt bs (j - 1) then 0 else 1)
            ))
          ]
        ) [ (head prev + 1) ] (lib.range 1 lb);
    in
    lib.last (builtins.foldl' step (genList (j: j) (lb + 1)) (stringToCharacters a));
  levenshteinAtMost = k: a: b: levenshtein a b <= k;
  trimWith =
    {
      start ? false,
      end ? false,
    }:
    s:
    let
      chars = " \t\r\n";
      regex =
        if start && end then
          "[${chars}]*(.*[^${chars}])[${chars}]*"
        else if start then
          "[${chars}]*(.*)"
        else if end then
          "(.*[^${chars}])[${chars}]*"
        else
          "(.*)";
      res = match regex s;
    in
    optionalString (res != null) (head res);
  trim = trimWith {
    start = true;
    end = true;
  };
  fileContents = file: removeSuffix "\n" (builtins.readFile file);
  normalizePath = s: builtins.foldl' (x: y: if y == "/" && lib.hasSuffix "/" x then x else x + y) "" (stringToCharacters s);
  cmakeOptionType = type: feature: value: "-D${feature}:${toUpper type}=${value}";
  cmakeBool = condition: flag: cmakeOptionType "bool" condition (lib.boolToString flag);
  cmakeFeature = feature: value: cmakeOptionType "string" feature value;
  mesonOption = feature: value: "-D${feature}=${value}";
  mesonBool = condition: flag: mesonOption condition (lib.boolToString flag);
  mesonEnable = feature: flag: mesonOption feature (if flag then "enabled" else "disabled");
  escapeURL =
    let
      unreserved = [
        "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z"
        "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z"
        "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" "-" "_" "." "~"
      ];
      toEscape = builtins.removeAttrs (builtins.listToAttrs (genList (i: {
        name = builtins.fromJSON ''"\u${lib.fixedWidthString 4 "0" (lib.toHexString (i + 1))}"'';
        value = "%${lib.fixedWidthString 2 "0" (lib.toHexString (i + 1))}";
      }) 126)) unreserved;
    in
    replaceStrings (builtins.attrNames toEscape) (lib.mapAttrsToList (_: c: c) toEscape);
}
