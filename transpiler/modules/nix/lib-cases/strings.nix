# lib differential case: string helpers service modules use
{ lib }:
with lib;
{
  escape = map escapeShellArg [ "simple" "with space" "it's" "" "a=b" "x/y:z@w%v+,._-" ];
  escapeArgs = escapeShellArgs [ "a" "b c" ];
  concat = [ (concatStringsSep ", " [ "a" "b" ]) (concatMapStringsSep " " (x: "-${x}") [ "a" "b" ]) (concatMapStrings toString [ 1 2 ]) (concatStrings [ "x" "y" ]) (concatLines [ "l1" "l2" ]) (concatImapStringsSep "," (i: x: "${toString i}${x}") [ "a" "b" ]) ];
  optional = [ (optionalString true "yes") (optionalString false "no") ];
  prefix = [ (hasPrefix "/nix" "/nix/store") (hasSuffix ".service" "a.service") (removePrefix "/nix/" "/nix/store") (removeSuffix ".nix" "a.nix") (removePrefix "x" "abc") (hasInfix "ix/s" "/nix/store") ];
  split = [ (splitString "," "a,b,,c") (splitString "." "a.b") (splitString ", " "x, y") ];
  case = [ (toUpper "abc-Déf") (toLower "ABC") (toSentenceCase "hELLO") ];
  replace = replaceStrings [ "@" "\\" ] [ "_" "-" ] "a@b\\c";
  chars = stringToCharacters "abc";
  versions = [ (versionAtLeast "1.10" "1.9") (versionOlder "2.0pre" "2.0") (versionAtLeast "13.2" "13.2") (versions.majorMinor "15.4.2") (versions.major "15.4") (versions.pad 3 "1.2") ];
  names = [ (getName "hello-2.12.1") (getVersion "hello-2.12.1") ];
  ints = [ (toInt "42") (toIntBase10 "010") (fixedWidthString 5 "0" "42") (fixedWidthNumber 3 7) ];
  trim = [ (trim "  a b \n") (trimWith { start = true; } "  x  ") ];
  shellVars = toShellVars { a = "x y"; list = [ "1" "2" ]; set = { k = "v"; }; };
  regex = escapeRegex "a.b*c";
  nix = [ (strings.escapeNixString "a\"$b") (strings.escapeNixIdentifier "a b") (strings.escapeNixIdentifier "ok-name") ];
  url = escapeURL "a b/c?d";
  xml = escapeXML "<a href=\"x\">&'</a>";
  features = [ (enableFeature true "x") (withFeatureAs false "y" "z") (strings.enableFeatureAs true "p" "q") ];
  stringLike = [ (isStringLike "x") (isStringLike { outPath = "/x"; }) (isStringLike 1) ];
  hex = [ (toHexString 255) (toHexString 0) ];
}
