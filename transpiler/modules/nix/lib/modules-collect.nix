# psl's bundled Nix lib: gathering the modules of an evaluation. Every module (a path, a function called with
# lazily looked-up arguments, or an attribute set) becomes { _file; key; _class; disabledModules; imports;
# options; config; }; imports are followed once per key, disabledModules removed, in nixpkgs' order.
{ lib }:
let
  inherit (builtins)
    isAttrs
    isFunction
    isList
    isString
    attrNames
    mapAttrs
    concatMap
    filter
    head
    elem
    addErrorContext
    genericClosure
    ;
in
rec {
  setDefaultModuleLocation = file: m: {
    _file = file;
    imports = [ m ];
  };

  isModuleFunction = m: isFunction m || (isAttrs m && m ? __functor);

  # Calls a function module; each argument it names is looked up only when used.
  applyModuleArgs =
    key: f:
    args@{ config, ... }:
    let
      context = name: ''while evaluating the module argument `${name}' in "${key}":'';
      extraArgs = mapAttrs (
        name: _: addErrorContext (context name) (args.${name} or config._module.args.${name})
      ) (lib.functionArgs f);
    in
    f (args // extraArgs);

  applyModuleArgsIfFunction =
    key: f: args:
    if isModuleFunction f then applyModuleArgs key f args else f;

  # Every module becomes { _file; key; _class; disabledModules; imports; options; config; }.
  unifyModuleSyntax =
    file: key: m:
    let
      addMeta = config: if m ? meta then lib.mkMerge [ config { meta = m.meta; } ] else config;
      addFreeformType =
        config:
        if m ? freeformType then lib.mkMerge [ config { _module.freeformType = m.freeformType; } ] else config;
      structured = m ? config || m ? options;
      bad = removeAttrs m [
        "_class"
        "_file"
        "key"
        "disabledModules"
        "imports"
        "options"
        "config"
        "meta"
        "freeformType"
      ];
    in
    if structured then
      if bad != { } then
        throw "Module `${key}' has an unsupported attribute `${head (attrNames bad)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${toString (attrNames bad)}) into the explicit `config' attribute."
      else
        {
          _file = toString m._file or file;
          _class = m._class or null;
          key = toString m.key or key;
          disabledModules = m.disabledModules or [ ];
          imports = m.imports or [ ];
          options = m.options or { };
          config = addFreeformType (addMeta (m.config or { }));
        }
    else
      lib.throwIfNot (isAttrs m) "module ${file} (${key}) does not look like a module." {
        _file = toString m._file or file;
        _class = m._class or null;
        key = toString m.key or key;
        disabledModules = m.disabledModules or [ ];
        imports = m.require or [ ] ++ m.imports or [ ];
        options = { };
        config = addFreeformType (
          removeAttrs m [
            "_class"
            "_file"
            "key"
            "disabledModules"
            "require"
            "imports"
            "freeformType"
          ]
        );
      };

  # One module value (path, function or attribute set) as a unified module.
  loadModule =
    class: args: file: key: m:
    let
      unified =
        if isModuleFunction m then
          unifyModuleSyntax file key (applyModuleArgs key m args)
        else if isAttrs m then
          if m._type or "module" == "module" then
            unifyModuleSyntax file key m
          else if m._type == "if" || m._type == "override" then
            unifyModuleSyntax file key { config = m; }
          else
            throw "Could not load a value as a module, because it is of type ${lib.strings.escapeNixString m._type}, in file ${toString file}."
        else if isList m then
          throw "Module imports can't be nested lists. Perhaps you meant to remove one level of lists? Definitions: ${toString m}"
        else
          let
            path = toString m;
          in
          unifyModuleSyntax path path (applyModuleArgsIfFunction path (import m) args);
    in
    if class != null && unified._class != null && unified._class != class then
      throw ''
        The module `${unified._file}` (class: ${lib.strings.escapeNixString unified._class}) cannot be imported into a module evaluation that expects class ${lib.strings.escapeNixString class}.

        Help:
        - Ensure that you are importing the correct module.
        - Verify that the module's `_class`, ${lib.strings.escapeNixString unified._class} matches the expected `class` ${lib.strings.escapeNixString class}.
        - If you are using a custom class, make sure it is correctly defined and used consistently across your modules.
      ''
    else
      unified;

  # The modules in import order, each once (by key), without the disabled ones.
  collectModules =
    class: modulesPath: modules: args:
    let
      tree =
        parentFile: parentKey: ms:
        lib.imap1 (
          n: m:
          let
            module = loadModule class args parentFile "${parentKey}:anon-${toString n}" m;
          in
          {
            inherit (module) key;
            inherit module;
            children = tree module._file module.key module.imports;
          }
        ) ms;
      roots = tree "<unknown-file>" "" modules;
      everything = genericClosure {
        startSet = roots;
        operator = node: node.children;
      };
      disabledKey =
        file: d:
        if isString d && builtins.substring 0 1 d != "/" then
          toString modulesPath + "/" + d
        else if lib.strings.isConvertibleWithToString d then
          if d ? key && d.key != toString d then
            throw "Module `${file}` contains a disabledModules item that is an attribute set that can be converted to a string (${toString d}) but also has a `.key` attribute (${d.key}) with a different value. This makes it ambiguous which module should be disabled."
          else
            toString d
        else if d ? key then
          d.key
        else if isAttrs d then
          throw "Module `${file}` contains a disabledModules item that is an attribute set, presumably a module, that does not have a `key` attribute. This means that the module system doesn't have any means to identify the module that should be disabled. Make sure that you've put the correct value in disabledModules: a string path relative to modulesPath, a path value, or an attribute set with a `key` attribute."
        else
          throw "Each disabledModules item must be a path, string, or a attribute set with a key attribute, or a value supported by toString. However, one of the disabledModules items in `${toString file}` is none of that, but is of type ${builtins.typeOf d}.";
      disabled = concatMap (
        node: map (disabledKey node.module._file) node.module.disabledModules
      ) everything;
      keep = filter (node: !elem node.key disabled);
    in
    # nixpkgs hands definitions to the merge in the reverse of this import order; so do we.
    lib.reverseList (
      map (node: node.module) (genericClosure {
        startSet = keep roots;
        operator = node: keep node.children;
      })
    );
}
