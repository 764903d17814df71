# psl's NixOS stand-in: the pkgs writers modules use (writeText, writeTextFile, writeShellScript(Bin),
# writeShellApplication, writeScript(Bin), runCommand, symlinkJoin, …). Files written from text are fake
# derivations that keep the file's full text in `text` (shebang included), so psl can show what NixOS
# would have built; runCommand and friends are opaque (a stable fake path, no text).
{ lib, mkPackage, runtimeShell }:
rec {
  writeTextFile =
    {
      name,
      text,
      executable ? false,
      destination ? "",
      checkPhase ? "",
      meta ? { },
      passthru ? { },
      allowSubstitutes ? false,
      preferLocalBuild ? true,
      derivationArgs ? { },
    }:
    mkPackage {
      inherit name text meta passthru;
      mainProgram = if lib.hasPrefix "/bin/" destination then lib.removePrefix "/bin/" destination else null;
      pslFile = {
        inherit executable destination;
      };
    };

  writeText =
    name: text:
    writeTextFile {
      inherit name text;
    };
  writeTextDir =
    path: text:
    writeTextFile {
      name = builtins.baseNameOf path;
      inherit text;
      destination = "/${path}";
    };
  writeScript =
    name: text:
    writeTextFile {
      inherit name text;
      executable = true;
    };
  writeScriptBin =
    name: text:
    writeTextFile {
      inherit name text;
      executable = true;
      destination = "/bin/${name}";
      meta.mainProgram = name;
    };
  writeShellScript =
    name: text:
    writeTextFile {
      inherit name;
      executable = true;
      text = ''
        #!${runtimeShell}
        ${text}
      '';
    };
  writeShellScriptBin =
    name: text:
    writeTextFile {
      inherit name;
      executable = true;
      destination = "/bin/${name}";
      text = ''
        #!${runtimeShell}
        ${text}
      '';
      meta.mainProgram = name;
    };
  writeShellApplication =
    {
      name,
      text,
      runtimeInputs ? [ ],
      runtimeEnv ? null,
      meta ? { },
      passthru ? { },
      checkPhase ? null,
      excludeShellChecks ? [ ],
      extraShellCheckFlags ? [ ],
      bashOptions ? [
        "errexit"
        "nounset"
        "pipefail"
      ],
      inheritPath ? true,
      derivationArgs ? { },
    }:
    writeTextFile {
      inherit name passthru;
      executable = true;
      destination = "/bin/${name}";
      meta = {
        mainProgram = name;
      }
      // meta;
      text =
        ''
          #!${runtimeShell}
          ${lib.concatMapStringsSep "\n" (option: "set -o ${option}") bashOptions}
        ''
        + lib.optionalString (runtimeEnv != null) (
          lib.concatStrings (lib.mapAttrsToList (name: value: "export ${lib.toShellVar name value}\n") runtimeEnv)
        )
        + lib.optionalString (runtimeInputs != [ ]) ''

          export PATH="${lib.makeBinPath runtimeInputs}${lib.optionalString inheritPath ":$PATH"}"
        ''
        + ''

          ${text}
        '';
    };

  # Built by a shell script psl does not run: a stable fake path and nothing more.
  runCommand =
    name: env: buildCommand:
    mkPackage {
      inherit name;
      pslOpaque = buildCommand;
      mainProgram = null;
      passthru = env.passthru or { };
    };
  runCommandLocal = runCommand;
  runCommandNoCC = runCommand;
  runCommandCC = runCommand;
  symlinkJoin =
    {
      name,
      paths,
      ...
    }:
    runCommand name { } (lib.concatMapStringsSep " " toString paths);
  linkFarm =
    name: entries:
    runCommand name { } (builtins.toJSON (if builtins.isList entries then map (e: "${e.name}=${e.path}") entries else lib.mapAttrsToList (n: p: "${n}=${p}") entries));
  linkFarmFromDrvs = name: drvs: runCommand name { } (lib.concatMapStringsSep " " toString drvs);
  concatText = name: files: runCommand name { } (lib.concatMapStringsSep " " toString files);
  substituteAll = args: runCommand (baseNameOf (toString args.src)) { } (builtins.toJSON (lib.mapAttrs (n: v: toString v) (removeAttrs args [ "src" ])));

  writers = {
    writeBash = name: text: writeScript name "#!${runtimeShell}\n${text}";
    writeBashBin = name: text: writeScriptBin name "#!${runtimeShell}\n${text}";
    writeDash = name: text: writeScript name "#!/bin/dash\n${text}";
    writeDashBin = name: text: writeScriptBin name "#!/bin/dash\n${text}";
    writePython3 = name: args: text: writeScript name "#!/usr/bin/env python3\n${text}";
    writePython3Bin = name: args: text: writeScriptBin name "#!/usr/bin/env python3\n${text}";
    writeJSON = name: value: writeText name (builtins.toJSON value);
  };
}
