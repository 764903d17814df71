# lib differential case: list helpers service modules use
{ lib }:
with lib;
{
  opt = [ (optional true 1) (optional false 1) (optionals true [ 1 2 ]) (optionals false [ 1 ]) ];
  flat = flatten [ 1 [ 2 [ 3 ] ] [ ] 4 ];
  uniq = unique [ 3 1 3 2 1 ];
  fold = [ (foldl' (a: b: a + b) 0 [ 1 2 3 ]) (foldl (a: b: "${a}${b}") "" [ "a" "b" ]) (foldr (a: b: "${a}${b}") "" [ "a" "b" ]) ];
  ends = [ (last [ 1 2 3 ]) (head [ 1 2 ]) (tail [ 1 2 3 ]) (init [ 1 2 3 ]) ];
  idx = [ (imap0 (i: x: i * x) [ 5 6 ]) (imap1 (i: x: "${toString i}${x}") [ "a" "b" ]) ];
  ranges = [ (range 2 5) (range 3 1) (toList 1) (toList [ 1 ]) (replicate 2 "x") ];
  parts = [ (take 2 [ 1 2 3 ]) (drop 2 [ 1 2 3 ]) (sublist 1 5 [ 1 2 3 ]) (takeEnd 1 [ 1 2 ]) (reverseList [ 1 2 3 ]) ];
  sets = [ (subtractLists [ 2 ] [ 1 2 3 ]) (intersectLists [ 2 3 ] [ 1 2 3 ]) (count (x: x > 1) [ 1 2 3 ]) (findFirst (x: x > 1) null [ 1 2 3 ]) (findSingle (x: x == 2) "none" "many" [ 2 ]) ];
  zip = [ (zipListsWith (a: b: a + b) [ 1 2 ] [ 10 20 30 ]) (zipLists [ 1 ] [ "a" ]) ];
  sorting = [ (sort lessThan [ 3 1 2 ]) (sortOn (x: x.k) [ { k = 2; } { k = 1; } ]) ];
  group = [ (partition (x: x > 1) [ 1 2 3 ]) (groupBy (x: if x > 1 then "big" else "small") [ 1 2 3 ]) ];
  misc = [ (concatMap (x: [ x x ]) [ 1 2 ]) (remove 2 [ 1 2 3 ]) (intersperse 0 [ 1 2 3 ]) (allUnique [ 1 2 ]) (elem 2 [ 1 2 ]) (any (x: x > 2) [ 1 3 ]) (all (x: x > 0) [ 1 ]) (forEach [ 1 ] (x: x + 1)) (lists.findFirstIndex (x: x == 3) null [ 1 3 ]) ];
}
