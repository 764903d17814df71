# lib differential case: smaller helpers modules use (activation-script entries, ifEnable, lists prefixes, products)
{ lib }:
with lib;
{
  deps = [ (stringAfter [ "users" ] "echo hi") (noDepEntry "x") (fullDepEntry "y" [ "a" ]) ];
  ifEnable = [ (ifEnable false [ 1 ]) (ifEnable false { a = 1; }) (ifEnable false "s") (ifEnable true 5) (ifEnable false true) ];
  lists = [ (lists.hasPrefix [ 1 2 ] [ 1 2 3 ]) (lists.removePrefix [ 1 ] [ 1 2 ]) (lists."groupBy'" (a: b: a + b) 0 (x: if x > 2 then "big" else "small") [ 1 2 3 4 ]) ];
  product = [ (cartesianProduct { a = [ 1 2 ]; b = [ "x" ]; }) (mapCartesianProduct ({ a, b }: "${toString a}${b}") { a = [ 1 2 ]; b = [ "x" "y" ]; }) ];
  misc = [ (setAttr { a = 1; } "b" 2) (optionalDrvAttr false 1) (strings.replicate 3 "ab") (strings.floatToString 0.5) (checkListOfEnum "features" [ "a" "b" ] [ "a" ] true) ];
}
