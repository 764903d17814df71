# psl's bundled Nix lib: attribute-set helpers (lib.attrsets), same public behaviour as nixpkgs' lib.attrsets,
# plus the derivation-output helpers (getOutput, getBin, getExe, …) that service modules use.
{ lib }:
let
  inherit (builtins)
    attrNames
    attrValues
    listToAttrs
    hasAttr
    getAttr
    isAttrs
    isList
    length
    head
    tail
    filter
    concatMap
    foldl'
    mapAttrs
    ;
in
rec {
  inherit (builtins)
    attrNames
    attrValues
    listToAttrs
    hasAttr
    getAttr
    mapAttrs
    removeAttrs
    intersectAttrs
    catAttrs
    zipAttrsWith
    functionArgs
    isAttrs
    ;
  nameValuePair = name: value: { inherit name value; };
  attrByPath =
    attrPath: default: set:
    let
      go =
        path: s:
        if path == [ ] then
          s
        else if isAttrs s && s ? ${head path} then
          go (tail path) s.${head path}
        else
          default;
    in
    go attrPath set;
  hasAttrByPath =
    attrPath: e:
    if attrPath == [ ] then
      true
    else
      isAttrs e && e ? ${head attrPath} && hasAttrByPath (tail attrPath) e.${head attrPath};
  setAttrByPath =
    attrPath: value:
    if attrPath == [ ] then value else { ${head attrPath} = setAttrByPath (tail attrPath) value; };
  getAttrFromPath =
    attrPath: set:
    attrByPath attrPath (abort ("cannot find attribute `" + lib.concatStringsSep "." attrPath + "'")) set;
  attrVals = nameList: set: map (x: set.${x}) nameList;
  getAttrs = names: attrs: lib.genAttrs names (name: attrs.${name});
  filterAttrs =
    pred: set: removeAttrs set (filter (name: !pred name set.${name}) (attrNames set));
  filterAttrsRecursive =
    pred: set:
    listToAttrs (
      concatMap (
        name:
        let
          v = set.${name};
        in
        if pred name v then
          [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ]
        else
          [ ]
      ) (attrNames set)
    );
  foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);
  foldAttrs =
    op: nul: list_of_attrs:
    lib.foldr (
      n: a: foldl' (o: name: o // { ${name} = op n.${name} (a.${name} or nul); }) a (attrNames n)
    ) { } list_of_attrs;
  collect =
    pred: attrs:
    if pred attrs then
      [ attrs ]
    else if isAttrs attrs then
      concatMap (collect pred) (attrValues attrs)
    else
      [ ];
  mapAttrs' = f: set: listToAttrs (map (attr: f attr set.${attr}) (attrNames set));
  mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);
  attrsToList = mapAttrsToList nameValuePair;
  concatMapAttrs = f: v: foldl' (a: b: a // b) { } (attrValues (mapAttrs f v));
  concatMapAttrsStringSep = sep: f: attrs: lib.concatStringsSep sep (mapAttrsToList f attrs);
  mapAttrsRecursive = f: set: mapAttrsRecursiveCond (as: true) f set;
  mapAttrsRecursiveCond =
    cond: f: set:
    let
      recurse =
        path:
        mapAttrs (
          name: value:
          if isAttrs value && cond value then recurse (path ++ [ name ]) value else f (path ++ [ name ]) value
        );
    in
    recurse [ ] set;
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
  genAttrs' = xs: f: listToAttrs (map f xs);
  isDerivation = value: value.type or null == "derivation";
  toDerivation =
    path:
    let
      path' = builtins.storePath path;
    in
    {
      type = "derivation";
      name = lib.getName (builtins.baseNameOf path');
      outPath = path';
      outputs = [ "out" ];
    };
  optionalAttrs = cond: as: if cond then as else { };
  cartesianProduct =
    attrsOfLists:
    foldl' (
      listOfAttrs: attrName:
      concatMap (attrs: map (listValue: attrs // { ${attrName} = listValue; }) attrsOfLists.${attrName}) listOfAttrs
    ) [ { } ] (attrNames attrsOfLists);
  mapCartesianProduct = f: attrsOfLists: map f (cartesianProduct attrsOfLists);
  zipAttrsWithNames =
    names: f: sets:
    listToAttrs (map (name: { inherit name; value = f name (catAttrs name sets); }) names);
  zipAttrs = zipAttrsWith (name: values: values);
  mergeAttrsList =
    list:
    let
      binaryMerge =
        start: end:
        if end - start >= 2 then
          binaryMerge start (start + (end - start) / 2) // binaryMerge (start + (end - start) / 2) end
        else
          builtins.elemAt list start;
    in
    if list == [ ] then { } else binaryMerge 0 (length list);
  recursiveUpdateUntil =
    pred: lhs: rhs:
    let
      f =
        attrPath:
        zipAttrsWith (
          n: values:
          let
            here = attrPath ++ [ n ];
          in
          if length values == 1 || pred here (builtins.elemAt values 1) (head values) then
            head values
          else
            f here values
        );
    in
    f [ ] [ rhs lhs ];
  recursiveUpdate =
    lhs: rhs: recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs)) lhs rhs;
  matchAttrs =
    pattern: attrs:
    lib.all (
      name:
      attrs ? ${name}
      && (
        let
          p = pattern.${name};
          a = attrs.${name};
        in
        if isAttrs p && isAttrs a then matchAttrs p a else p == a
      )
    ) (attrNames pattern);
  overrideExisting = old: new: mapAttrs (name: value: new.${name} or value) old;
  updateManyAttrsByPath =
    updates: value:
    foldl' (
      acc: u:
      let
        go =
          path: v:
          if path == [ ] then
            u.update v
          else
            (if isAttrs v then v else { })
            // {
              ${head path} = go (tail path) ((if isAttrs v then v else { }).${head path} or null);
            };
      in
      go u.path acc
    ) value updates;
  showAttrPath = path: if path == [ ] then "<root attribute path>" else lib.concatMapStringsSep "." lib.strings.escapeNixIdentifier path;
  recurseIntoAttrs = attrs: attrs // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = attrs: attrs // { recurseForDerivations = false; };
  unionOfDisjoint =
    x: y:
    let
      intersection = builtins.intersectAttrs x y;
      collisions = lib.concatStringsSep " " (attrNames intersection);
    in
    if intersection == { } then x // y else throw "unionOfDisjoint: collision on ${collisions}";
  # Derivation outputs (nixpkgs keeps these in lib.attrsets too).
  getOutput =
    output: pkg:
    if !pkg ? outputSpecified || !pkg.outputSpecified then pkg.${output} or pkg.out or pkg else pkg;
  getFirstOutput =
    candidates: pkg:
    let
      outputs = builtins.filter (name: hasAttr name pkg) candidates;
      output = builtins.head outputs;
    in
    if pkg.outputSpecified or false || outputs == [ ] then pkg else pkg.${output};
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";
  getInclude = getOutput "include";
  getStatic = getOutput "static";
  chooseDevOutputs = builtins.map getDev;
}
