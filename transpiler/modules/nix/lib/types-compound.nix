# psl's bundled Nix lib: option types built from other types (listOf, attrsOf, lazyAttrsOf, nullOr, either,
# oneOf, coercedTo, functionTo, uniq, anything, optionType) with nixpkgs' merge semantics and descriptions.
{ lib }:
let
  inherit (lib.types) mkOptionType optionDescriptionPhrase wrappedFunctor;
  inherit (builtins)
    isList
    isAttrs
    isFunction
    length
    head
    tail
    filter
    concatLists
    all
    mapAttrs
    zipAttrsWith
    foldl'
    ;
  inherit (lib.modules) mergeDefinitions;
in
rec {
  listOf =
    elemType:
    mkOptionType rec {
      name = "listOf";
      description = "list of ${optionDescriptionPhrase (class: class == "noun" || class == "composite") elemType}";
      descriptionClass = "composite";
      check = isList;
      merge =
        loc: defs:
        map (x: x.value) (
          filter (x: x ? value) (
            concatLists (
              lib.imap1 (
                n: def:
                lib.imap1 (
                  m: value:
                  (mergeDefinitions (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ]) elemType [
                    {
                      inherit (def) file;
                      inherit value;
                    }
                  ]).optionalValue
                ) def.value
              ) defs
            )
          )
        );
      emptyValue = {
        value = [ ];
      };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: listOf (elemType.substSubModules m);
      functor = wrappedFunctor name listOf elemType;
      nestedTypes.elemType = elemType;
    };

  nonEmptyListOf =
    elemType:
    let
      list = lib.types.addCheck (listOf elemType) (l: l != [ ]);
    in
    list
    // {
      description = "non-empty ${optionDescriptionPhrase (class: class == "noun") list}";
      emptyValue = { };
      substSubModules = m: nonEmptyListOf (elemType.substSubModules m);
    };

  attrsWith =
    {
      elemType,
      lazy ? false,
      placeholder ? "name",
    }:
    mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description =
        (if lazy then "lazy attribute set" else "attribute set")
        + " of ${optionDescriptionPhrase (class: class == "noun" || class == "composite") elemType}";
      descriptionClass = "composite";
      check = isAttrs;
      merge =
        loc: defs:
        let
          byName = zipAttrsWith (name: defs: mergeDefinitions (loc ++ [ name ]) elemType defs) (
            map (
              def:
              mapAttrs (n: v: {
                inherit (def) file;
                value = v;
              }) def.value
            ) defs
          );
        in
        if lazy then
          mapAttrs (
            name: merged:
            if merged.isDefined then merged.mergedValue else elemType.emptyValue.value or merged.mergedValue
          ) byName
        else
          mapAttrs (n: v: v.value) (lib.filterAttrs (n: v: v ? value) (mapAttrs (n: m: m.optionalValue) byName));
      emptyValue = {
        value = { };
      };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<${placeholder}>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules =
        m:
        attrsWith {
          elemType = elemType.substSubModules m;
          inherit lazy placeholder;
        };
      functor = (lib.types.defaultFunctor "attrsWith") // {
        wrapped = null;
        payload = { inherit elemType lazy placeholder; };
        type = attrsWith;
        binOp =
          lhs: rhs:
          let
            elem = lhs.elemType.typeMerge rhs.elemType.functor;
          in
          if elem == null || lhs.lazy != rhs.lazy then
            null
          else
            {
              elemType = elem;
              inherit (lhs) lazy;
              placeholder = if lhs.placeholder == rhs.placeholder then lhs.placeholder else "name";
            };
      };
      nestedTypes.elemType = elemType;
    };
  attrsOf = elemType: attrsWith { inherit elemType; };
  lazyAttrsOf =
    elemType:
    attrsWith {
      inherit elemType;
      lazy = true;
    };

  nullOr =
    elemType:
    mkOptionType rec {
      name = "nullOr";
      description = "null or ${optionDescriptionPhrase (class: class == "noun" || class == "conjunction") elemType}";
      descriptionClass = "conjunction";
      check = x: x == null || elemType.check x;
      merge =
        loc: defs:
        let
          nrNulls = lib.count (def: def.value == null) defs;
        in
        if nrNulls == length defs then
          null
        else if nrNulls != 0 then
          throw "The option `${lib.showOption loc}` is defined both null and not null, in ${lib.showFiles (lib.getFiles defs)}."
        else
          elemType.merge loc defs;
      emptyValue = {
        value = null;
      };
      getSubOptions = elemType.getSubOptions;
      getSubModules = elemType.getSubModules;
      substSubModules = m: nullOr (elemType.substSubModules m);
      functor = wrappedFunctor name nullOr elemType;
      nestedTypes.elemType = elemType;
    };

  either =
    t1: t2:
    mkOptionType rec {
      name = "either";
      description =
        "${optionDescriptionPhrase (class: class == "noun" || class == "conjunction") t1} or "
        + optionDescriptionPhrase (
          class: class == "noun" || class == "conjunction" || class == "composite"
        ) t2;
      descriptionClass = "conjunction";
      check = x: t1.check x || t2.check x;
      merge =
        loc: defs:
        let
          values = map (d: d.value) defs;
        in
        if all t1.check values then
          t1.merge loc defs
        else if all t2.check values then
          t2.merge loc defs
        else
          lib.mergeOneOption loc defs;
      typeMerge =
        f':
        let
          mt1 = t1.typeMerge (builtins.elemAt f'.payload.elemType 0).functor;
          mt2 = t2.typeMerge (builtins.elemAt f'.payload.elemType 1).functor;
        in
        if name != f'.name || f'.payload == null then
          null
        else if mt1 != null && mt2 != null then
          functor.type mt1 mt2
        else
          null;
      functor = (lib.types.defaultFunctor name) // {
        type = either;
        payload.elemType = [
          t1
          t2
        ];
        binOp = a: b: null;
        wrapped = null;
      };
      nestedTypes.left = t1;
      nestedTypes.right = t2;
    };

  oneOf =
    ts:
    let
      head' = if ts == [ ] then throw "types.oneOf needs to get at least one type in its argument" else head ts;
    in
    foldl' either head' (tail ts);

  coercedTo =
    coercedType: coerceFunc: finalType:
    assert lib.assertMsg (
      coercedType.getSubModules == null
    ) "coercedTo: coercedType must not have submodules (it’s a ${coercedType.description})";
    mkOptionType rec {
      name = "coercedTo";
      description = "${optionDescriptionPhrase (class: class == "noun") finalType} or ${
        optionDescriptionPhrase (class: class == "noun") coercedType
      } convertible to it";
      check = x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x;
      merge =
        loc: defs:
        let
          coerceVal = val: if coercedType.check val then coerceFunc val else val;
        in
        finalType.merge loc (map (def: def // { value = coerceVal def.value; }) defs);
      emptyValue = finalType.emptyValue;
      getSubOptions = finalType.getSubOptions;
      getSubModules = finalType.getSubModules;
      substSubModules = m: coercedTo coercedType coerceFunc (finalType.substSubModules m);
      typeMerge = t: null;
      functor = (lib.types.defaultFunctor name) // {
        wrapped = finalType;
      };
      nestedTypes.coercedType = coercedType;
      nestedTypes.finalType = finalType;
    };

  functionTo =
    elemType:
    mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${
        optionDescriptionPhrase (class: class == "noun" || class == "composite") elemType
      }";
      descriptionClass = "composite";
      check = lib.isFunction;
      merge =
        loc: defs: fnArgs:
        (mergeDefinitions (loc ++ [ "<function body>" ]) elemType (
          map (fn: {
            inherit (fn) file;
            value = fn.value fnArgs;
          }) defs
        )).mergedValue;
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: functionTo (elemType.substSubModules m);
      functor = (lib.types.defaultFunctor "functionTo") // {
        type = functionTo;
        wrapped = elemType;
      };
      nestedTypes.elemType = elemType;
    };

  unique =
    { message }:
    type:
    mkOptionType rec {
      name = "unique";
      inherit (type) description descriptionClass check;
      merge = lib.mergeUniqueOption {
        inherit message;
        inherit (type) merge;
      };
      emptyValue = type.emptyValue;
      getSubOptions = type.getSubOptions;
      getSubModules = type.getSubModules;
      substSubModules = m: uniq (type.substSubModules m);
      functor = wrappedFunctor name uniq type;
      nestedTypes.elemType = type;
    };
  uniq = unique { message = ""; };

  anything = mkOptionType {
    name = "anything";
    description = "anything";
    descriptionClass = "noun";
    check = value: true;
    merge =
      loc: defs:
      let
        kind = value: if isAttrs value && lib.isStringLike value then "stringCoercibleSet" else builtins.typeOf value;
        common = foldl' (
          t: def:
          if kind def.value == t then
            t
          else
            throw "The option `${lib.showOption loc}' has conflicting option types in ${lib.showFiles (lib.getFiles defs)}"
        ) (kind (head defs).value) defs;
        byKind = {
          set = (attrsOf anything).merge;
          stringCoercibleSet = lib.mergeOneOption;
          lambda =
            loc: defs: arg:
            anything.merge (loc ++ [ "<function body>" ]) (
              map (def: {
                file = def.file;
                value = def.value arg;
              }) defs
            );
        };
      in
      (byKind.${common} or lib.mergeEqualOption) loc defs;
  };

  optionType = mkOptionType {
    name = "optionType";
    description = "optionType";
    descriptionClass = "noun";
    check = lib.types.isOptionType;
    merge =
      loc: defs:
      if length defs == 1 then
        (head defs).value
      else
        let
          merged = foldl' (
            res: def:
            let
              m = res.typeMerge def.value.functor;
            in
            if m == null then
              throw "The option `${lib.showOption loc}' has conflicting definitions of its type in ${lib.showFiles (lib.getFiles defs)}"
            else
              m
          ) (head defs).value (tail defs);
        in
        merged;
  };
}
