# psl's NixOS stand-in for `pkgs`: fake packages plus writers and formats that keep real text.
#   { lib, packageFor ? null, packageNames ? [ ] }
# `packageFor name` gives the package for a name; psl's evaluator passes its own (every name exists on demand,
# nested sets too). Without it, real Nix gets the names of package-names.nix plus `packageNames`, each a fake
# derivation (fake-package.nix). Nothing here builds anything.
{
  lib,
  packageFor ? null,
  packageNames ? [ ],
}:
let
  store = import ./fake-store.nix;
  inherit (import ./fake-package.nix { inherit store; }) mkPackage;
  table = import ./package-names.nix;
  defaultPackage =
    name:
    mkPackage {
      pname = name;
      version = table.versions.${name} or "1.0";
    };
  package = if packageFor == null then defaultPackage else packageFor;
  # Under psl's evaluator every name exists on demand: `builtins.pslOpenAttrs` makes a missing attribute
  # with the function given. A name that looks like a package set (`python3Packages`, `vimPlugins`) gives
  # a set of packages on demand in turn; a package itself stays closed, since library code asks
  # derivations `? outputSpecified` and the like. Real Nix lacks the builtin and gets the fixed names.
  open = builtins ? pslOpenAttrs;
  isPackageSet = name: builtins.match ".*(Packages|packages|Plugins|plugins|Modules)" name != null;
  onDemand =
    name:
    if isPackageSet name then
      builtins.pslOpenAttrs (sub: onDemand "${name}.${sub}") { recurseForDerivations = true; }
    else
      package name;
  packages = lib.genAttrs (lib.unique (table.names ++ packageNames)) package;
  bash = packages.bash or (package "bash");
  runtimeShell = "${bash}/bin/bash";
  writers = import ./writers.nix { inherit lib mkPackage runtimeShell; };
  platform = {
    system = "x86_64-linux";
    config = "x86_64-unknown-linux-gnu";
    isLinux = true;
    isDarwin = false;
    isFreeBSD = false;
    isx86_64 = true;
    isx86 = true;
    isi686 = false;
    isAarch64 = false;
    isAarch32 = false;
    isAarch = false;
    isRiscV = false;
    is64bit = true;
    is32bit = false;
    isStatic = false;
    isMusl = false;
    isGnu = true;
    isEfi = true;
    canExecute = platform: true;
    uname = {
      system = "Linux";
      processor = "x86_64";
    };
    parsed.kernel.name = "linux";
    parsed.cpu.name = "x86_64";
  };
  stdenv = {
    hostPlatform = platform;
    buildPlatform = platform;
    targetPlatform = platform;
    inherit (platform) isLinux isDarwin system;
    shell = runtimeShell;
    mkDerivation =
      args:
      mkPackage (
        {
          pname = args.pname or (builtins.parseDrvName args.name).name;
          version = args.version or (builtins.parseDrvName args.name).version;
        }
        // lib.optionalAttrs (args ? meta) { inherit (args) meta; }
      );
    cc = package "gcc";
  };
  self =
    packages
    // removeAttrs writers [ "writers" ]
    // {
      inherit lib runtimeShell stdenv;
      inherit (writers) writers;
      formats = import ./formats.nix {
        inherit lib;
        inherit (writers) writeText;
      };
      runtimeShellPackage = bash;
      stdenvNoCC = stdenv;
      system = platform.system;
      hostPlatform = platform;
      buildPlatform = platform;
      buildPackages = self;
      pkgsBuildHost = self;
      pkgsBuildBuild = self;
      pkgsHostTarget = self;
      pkgsStatic = self;
      callPackage =
        fn: args:
        mkPackage {
          pname = if builtins.isPath fn then lib.removeSuffix ".nix" (baseNameOf fn) else "package";
          version = "1.0";
        };
      # For psl's evaluator and tests: how packages are made.
      pslMkPackage = mkPackage;
    };
in
if open then builtins.pslOpenAttrs onDemand self else self
