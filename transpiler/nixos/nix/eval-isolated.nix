# psl's entry point for ONE NixOS service module evaluated in isolation (with real Nix or psl's evaluator):
#
#   nix-instantiate --eval --strict --json eval-isolated.nix --arg module ./foo.nix \
#     --arg settings '[ { services.foo.enable = true; } ]'   [--arg lib 'import <nixpkgs>/lib']
#
# Arguments:
#   module        the module under translation (path, function or attribute set)
#   settings      the user's settings: a list of modules (from --set path=value and --config file.nix)
#   set           more settings as { "services.foo.port" = 8080; } (dotted paths, no quoting)
#   lib           the lib to evaluate with: psl's bundled lib by default, or nixpkgs' (`import <path>/lib`)
#   packageFor    name -> package, for the stub pkgs (psl's evaluator passes its own); packageNames: extra
#                 names for the fixed set real Nix gets
#   pkgs          a whole pkgs to use instead of the stub
#   declarations  the modules declaring systemd.*, users.*, environment.etc (default: psl's own; a test
#                 passes NixOS's real files)
#   modulesPath   given to modules as the specialArg of that name
#   export        config -> bundle (default ./export.nix; a test passes `psl export-expr` to compare)
#
# Returns the `psl export-expr` bundle { systemd = { services; sockets; timers; tmpfiles; }; users = { users;
# groups; }; environment.etc; } plus:
#   assertions  messages of the assertions that failed
#   warnings    NixOS warnings
#   foreign     options set that psl does not carry over (dotted paths), e.g. "networking.firewall.allowedTCPPorts"
#   files       { "<store path>" = "<text>"; } for the files written from text that the units and /etc refer to
{
  module,
  settings ? [ ],
  set ? { },
  lib ? import ../../modules/nix/lib,
  packageFor ? null,
  packageNames ? [ ],
  pkgs ? import ./pkgs-stub.nix { inherit lib packageFor packageNames; },
  declarations ? import ./declarations.nix,
  modulesPath ? "/psl/nixos/modules",
  export ? import ./export.nix,
}:
let
  isolation = import ./isolation.nix { inherit lib pkgs; };
  specialArgs = { inherit modulesPath; };
  args = isolation.module.config._module.args;

  # The options the module declares itself: read-defaults entries for those are left out.
  own =
    (lib.evalModules {
      inherit specialArgs;
      modules = [
        module
        {
          _module.check = false;
          _module.args = args;
        }
      ];
    }).options;
  declaredBy =
    tree: path:
    path == [ ]
    || (
      let
        n = builtins.head path;
      in
      tree ? ${n} && (lib.isOption tree.${n} || declaredBy tree.${n} (builtins.tail path))
    );
  defaultsFile = "psl isolation: defaults of commonly read NixOS options";
  readDefaults = builtins.filter (e: !declaredBy own e.path) (import ./read-defaults.nix { inherit lib pkgs; });
  defaultsModule =
    { config, ... }:
    {
      _file = defaultsFile;
      options = builtins.foldl' lib.recursiveUpdate { } (
        map (
          e:
          lib.setAttrByPath e.path (
            lib.mkOption (
              {
                inherit (e) type default;
              }
              # Under psl's evaluator a read of the default is recorded, so psl can report the assumption.
              // lib.optionalAttrs (builtins ? pslNoteAssumption) {
                apply = builtins.pslNoteAssumption (builtins.concatStringsSep "." e.path);
              }
            )
          )
        ) readDefaults
      );
      # NixOS's /etc/hosts, for modules that read it; left out of the export unless the module defines it.
      config.environment.etc.hosts.text = lib.mkOverride 1400 (
        "127.0.0.1 localhost\n::1 localhost\n"
        + lib.optionalString (config.networking.hostName or "" != "") "127.0.0.2 ${config.networking.hostName}\n"
      );
    };

  settingsFile = "psl settings";
  asModule = m: if builtins.isAttrs m && !(m ? _file) then { _file = settingsFile; imports = [ m ]; } else m;
  setModule = {
    _file = settingsFile;
    config = builtins.foldl' lib.recursiveUpdate { } (
      lib.mapAttrsToList (path: value: lib.setAttrByPath (lib.splitString "." path) value) set
    );
  };

  evaluated = lib.evalModules {
    # `_pslUnknowns`: under psl's evaluator with psl's lib, options nobody declares read as opaque unknowns.
    specialArgs = specialArgs // {
      _pslUnknowns = true;
    };
    modules =
      [
        isolation.module
        defaultsModule
      ]
      ++ declarations
      ++ [ module ]
      ++ map asModule settings
      ++ [ setModule ];
  };
  inherit (evaluated) config options;

  # Options of the defaults table that something other than the table and the settings defined.
  setByModule =
    let
      optionAt = path: lib.attrByPath path null options;
    in
    builtins.filter (
      e:
      let
        opt = optionAt e.path;
      in
      opt != null
      && builtins.any (f: f != defaultsFile && f != settingsFile) (opt.files or [ ])
    ) readDefaults;

  # Units of kinds psl does not translate, and systemd settings that reach beyond the module's own units.
  untranslatedUnits =
    builtins.concatMap (
      kind: map (name: "systemd.${kind}.${name}") (builtins.attrNames config.systemd.${kind})
    ) [ "targets" "paths" "slices" ]
    ++ lib.optional (config.systemd.packages != [ ]) "systemd.packages"
    ++ lib.optional (config.systemd.tmpfiles.packages != [ ]) "systemd.tmpfiles.packages"
    ++ lib.optional (config.systemd.globalEnvironment != { }) "systemd.globalEnvironment";

  # Written-from-text files the translated parts refer to as values (not only through string interpolation).
  files =
    let
      collect =
        depth: v:
        if builtins.isAttrs v && v ? outPath && v ? text then
          [ { name = toString v.outPath; value = v.text; } ]
        else if depth == 0 then
          [ ]
        else if builtins.isList v then
          builtins.concatMap (collect (depth - 1)) v
        else if builtins.isAttrs v && !(v ? outPath) then
          builtins.concatMap (n: collect (depth - 1) v.${n}) (builtins.attrNames v)
        else
          [ ];
      safe = v: let r = builtins.tryEval (builtins.deepSeq (collect 4 v) (collect 4 v)); in if r.success then r.value else [ ];
      unitParts = unit: [
        (unit.serviceConfig or { })
        (unit.socketConfig or { })
        (unit.timerConfig or { })
        (unit.environment or { })
        (unit.restartTriggers or [ ])
        (unit.reloadTriggers or [ ])
      ];
      fromUnits = kind: builtins.concatMap (u: builtins.concatMap safe (unitParts u)) (builtins.attrValues config.systemd.${kind});
      fromEtc = builtins.concatMap (e: safe (e.source or null)) (builtins.attrValues config.environment.etc);
    in
    builtins.listToAttrs (fromUnits "services" ++ fromUnits "sockets" ++ fromUnits "timers" ++ fromEtc);
  # /etc entries only the defaults above define.
  etcOfOthers = builtins.concatMap (d: if d.file == defaultsFile then [ ] else builtins.attrNames d.value) (
    options.environment.etc.definitionsWithLocations
  );
  exported = config // {
    environment = config.environment // {
      etc = lib.filterAttrs (name: _: builtins.elem name etcOfOthers) config.environment.etc;
    };
  };
in
export exported
// {
  assertions = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);
  inherit (config) warnings;
  foreign =
    map lib.showOption (isolation.foreignPaths options config)
    ++ map (e: lib.showOption e.path) setByModule
    ++ untranslatedUnits;
  inherit files;
}
