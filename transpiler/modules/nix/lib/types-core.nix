# psl's bundled Nix lib: the option-type protocol (mkOptionType, functors and type merging) shared by all
# types. Same public shape as nixpkgs' lib.types: { _type = "option-type"; name; description; check; merge;
# emptyValue; getSubOptions; getSubModules; substSubModules; typeMerge; functor; nestedTypes; … }.
{ lib }:
rec {
  isType = type: x: (x._type or "") == type;
  setType = typeName: value: value // { _type = typeName; };
  isOptionType = isType "option-type";

  # How a type is written inside the description of a type that contains it.
  optionDescriptionPhrase =
    unparenthesize: t:
    if unparenthesize (t.descriptionClass or null) then t.description else "(${t.description})";

  defaultFunctor = name: {
    inherit name;
    type = lib.types.${name} or null;
    wrapped = null;
    payload = null;
    binOp = a: b: null;
  };

  # Merges two declarations' types: the merged type, or null when they cannot be merged.
  defaultTypeMerge =
    f: f':
    let
      hasPayload =
        assert (f'.payload != null) == (f.payload != null);
        f.payload != null;
      hasWrapped =
        assert (f'.wrapped != null) == (f.wrapped != null);
        f.wrapped != null;
      mergedPayload = f.binOp f.payload f'.payload;
      mergedWrapped = f.wrapped.typeMerge f'.wrapped.functor;
    in
    if f.name != f'.name then
      null
    else if hasPayload then
      if hasWrapped then
        throw "Type ${f.name} defines both a functor.payload and a functor.wrapped attribute, which is incompatible."
      else if mergedPayload == null then
        null
      else
        f.type mergedPayload
    else if hasWrapped then
      if mergedWrapped == null then null else f.type mergedWrapped
    else
      f.type;

  mkOptionType =
    {
      name,
      description ? null,
      descriptionClass ? null,
      check ? (x: true),
      merge ? lib.mergeDefaultOption,
      emptyValue ? { },
      getSubOptions ? prefix: { },
      getSubModules ? null,
      substSubModules ? m: null,
      typeMerge ? defaultTypeMerge functor,
      functor ? defaultFunctor name,
      deprecationMessage ? null,
      nestedTypes ? { },
    }:
    {
      _type = "option-type";
      inherit
        name
        check
        merge
        emptyValue
        getSubOptions
        getSubModules
        substSubModules
        typeMerge
        functor
        deprecationMessage
        nestedTypes
        descriptionClass
        ;
      description = if description == null then name else description;
    };

  # A type's functor with one wrapped element type (listOf, attrsOf, nullOr, …).
  wrappedFunctor =
    name: type: elemType:
    (defaultFunctor name)
    // {
      inherit type;
      wrapped = elemType;
    };
}
