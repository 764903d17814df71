# psl's bundled Nix lib: list helpers (lib.lists), same public behaviour as nixpkgs' lib.lists.
{ lib }:
let
  inherit (builtins)
    length
    elemAt
    genList
    foldl'
    filter
    concatLists
    head
    tail
    isList
    ;
in
rec {
  inherit (builtins)
    length
    head
    tail
    elem
    elemAt
    filter
    map
    genList
    foldl'
    concatLists
    concatMap
    all
    any
    sort
    partition
    groupBy
    listToAttrs
    ;
  singleton = x: [ x ];
  forEach = xs: f: map f xs;
  foldr =
    op: nul: list:
    let
      len = length list;
      go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
    in
    go 0;
  fold = foldr;
  foldl =
    op: nul: list:
    let
      go = n: if n == -1 then nul else op (go (n - 1)) (elemAt list n);
    in
    go (length list - 1);
  imap0 = f: list: genList (n: f n (elemAt list n)) (length list);
  imap1 = f: list: genList (n: f (n + 1) (elemAt list n)) (length list);
  imap = imap1;
  ifilter0 =
    ipred: input:
    map (i: elemAt input i) (filter (i: ipred i (elemAt input i)) (genList (x: x) (length input)));
  flatten = x: if isList x then concatMap flatten x else [ x ];
  remove = e: filter (x: x != e);
  findSingle =
    pred: default: multiple: list:
    let
      found = filter pred list;
      n = length found;
    in
    if n == 0 then
      default
    else if n != 1 then
      multiple
    else
      head found;
  findFirstIndex =
    pred: default: list:
    let
      go = i: if i == length list then default else if pred (elemAt list i) then i else go (i + 1);
    in
    go 0;
  findFirst =
    pred: default: list:
    let
      i = findFirstIndex pred null list;
    in
    if i == null then default else elemAt list i;
  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
  optional = cond: elem: if cond then [ elem ] else [ ];
  optionals = cond: elems: if cond then elems else [ ];
  toList = x: if isList x then x else [ x ];
  range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
  replicate = n: elem: genList (_: elem) n;
  zipListsWith =
    f: fst: snd:
    genList (n: f (elemAt fst n) (elemAt snd n)) (lib.min (length fst) (length snd));
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });
  reverseList =
    xs:
    let
      l = length xs;
    in
    genList (n: elemAt xs (l - n - 1)) l;
  sortOn =
    f: list:
    map (p: p.x) (sort (a: b: a.k < b.k) (map (x: { inherit x; k = f x; }) list));
  compareLists =
    cmp: a: b:
    if a == [ ] then
      (if b == [ ] then 0 else -1)
    else if b == [ ] then
      1
    else
      let
        rel = cmp (head a) (head b);
      in
      if rel == 0 then compareLists cmp (tail a) (tail b) else rel;
  take = count: sublist 0 count;
  drop = count: list: sublist count (length list) list;
  takeEnd = n: xs: drop (lib.max 0 (length xs - n)) xs;
  dropEnd = n: xs: take (lib.max 0 (length xs - n)) xs;
  sublist =
    start: count: list:
    let
      len = length list;
    in
    genList (n: elemAt list (n + start)) (
      if start >= len then
        0
      else if start + count > len then
        len - start
      else
        count
    );
  last =
    list:
    assert lib.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    elemAt list (length list - 1);
  init =
    list:
    assert lib.assertMsg (list != [ ]) "lists.init: list must not be empty!";
    take (length list - 1) list;
  unique = foldl' (acc: e: if builtins.elem e acc then acc else acc ++ [ e ]) [ ];
  uniqueStrings = list: builtins.attrNames (builtins.groupBy (x: x) list);
  allUnique = list: length (unique list) == length list;
  intersectLists = e: filter (x: builtins.elem x e);
  subtractLists = e: filter (x: !(builtins.elem x e));
  mutuallyExclusive = a: b: a == [ ] || !(builtins.any (x: builtins.elem x a) b);
  crossLists = f: foldl' (fs: args: concatMap (f: map f args) fs) [ f ];
  intersperse =
    separator: list:
    if list == [ ] || length list == 1 then
      list
    else
      tail (concatMap (x: [ separator x ]) list);
  hasPrefix = list1: list2: take (length list1) list2 == list1;
  removePrefix =
    list1: list2:
    if hasPrefix list1 list2 then
      drop (length list1) list2
    else
      throw "lib.lists.removePrefix: First argument is not a list prefix of the second argument";
  "groupBy'" =
    op: nul: pred: lst:
    builtins.mapAttrs (name: foldl op nul) (builtins.groupBy pred lst);
  replaceElemAt =
    list: idx: newElem:
    genList (i: if i == idx then newElem else elemAt list i) (length list);
}
