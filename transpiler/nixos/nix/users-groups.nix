# psl's NixOS declarations: users.users and users.groups with NixOS's types, defaults and derived values
# (name from the attribute, isNormalUser's defaults, group members from users' extraGroups), and NixOS's
# assertions about them (no colon in a password hash; exactly one of isSystemUser/isNormalUser; a group).
# The system's own users (root, nobody) are not added: in isolation only the module's users exist.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  inherit (lib) mkOption mkDefault mkIf types;
  cfg = config.users;
  nameOf = what: x: assert (builtins.stringLength x < 32 || abort "${what} '${x}' is longer than 31 characters which is not allowed!"); x;
  range = idName: {
    options.${idName} = mkOption { type = types.int; };
    options.count = mkOption {
      type = types.int;
      default = 1;
    };
  };
  nullable = t: mkOption {
    type = types.nullOr t;
    default = null;
  };
  flag = default: mkOption {
    type = types.bool;
    inherit default;
  };
  userOpts =
    { name, config, ... }:
    {
      options = {
        enable = flag true;
        name = mkOption {
          type = types.passwdEntry types.str;
          apply = nameOf "Username";
        };
        description = mkOption {
          type = types.passwdEntry types.str;
          default = "";
        };
        uid = nullable types.int;
        isSystemUser = flag false;
        isNormalUser = flag false;
        group = mkOption {
          type = types.str;
          apply = nameOf "Group name";
          default = "";
        };
        extraGroups = mkOption {
          type = types.listOf types.str;
          default = [ ];
        };
        home = mkOption {
          type = types.passwdEntry types.path;
          default = "/var/empty";
        };
        homeMode = mkOption {
          type = types.strMatching "[0-7]{1,5}";
          default = "700";
        };
        cryptHomeLuks = nullable types.str;
        pamMount = mkOption {
          type = types.attrsOf types.str;
          default = { };
        };
        shell = mkOption {
          type = types.nullOr (types.either types.shellPackage (types.passwdEntry types.path));
          default = pkgs.shadow;
        };
        ignoreShellProgramCheck = flag false;
        subUidRanges = mkOption {
          type = types.listOf (types.submodule (range "startUid"));
          default = [ ];
        };
        subGidRanges = mkOption {
          type = types.listOf (types.submodule (range "startGid"));
          default = [ ];
        };
        autoSubUidGidRange = flag false;
        createHome = flag false;
        useDefaultShell = flag false;
        hashedPassword = nullable (types.passwdEntry types.str);
        password = nullable types.str;
        hashedPasswordFile = mkOption {
          type = types.nullOr types.str;
          default = config.passwordFile;
        };
        passwordFile = nullable types.str;
        initialHashedPassword = nullable (types.passwdEntry types.str);
        initialPassword = nullable types.str;
        packages = mkOption {
          type = types.listOf types.package;
          default = [ ];
        };
        expires = nullable (types.strMatching "[[:digit:]]{4}-[[:digit:]]{2}-[[:digit:]]{2}");
        linger = nullable types.bool;
      };
      config = lib.mkMerge [
        {
          name = mkDefault name;
          shell = mkIf config.useDefaultShell (mkDefault cfg.defaultUserShell);
        }
        (mkIf config.isNormalUser {
          group = mkDefault "users";
          createHome = mkDefault true;
          home = mkDefault "${cfg.defaultUserHome}/${config.name}";
          homeMode = mkDefault "700";
          useDefaultShell = mkDefault true;
          isSystemUser = mkDefault false;
        })
        (mkIf (!cfg.mutableUsers && config.initialPassword != null) {
          password = mkDefault config.initialPassword;
        })
        (mkIf (!cfg.mutableUsers && config.initialHashedPassword != null) {
          hashedPassword = mkDefault config.initialHashedPassword;
        })
        (mkIf (config.isNormalUser && config.subUidRanges == [ ] && config.subGidRanges == [ ]) {
          autoSubUidGidRange = mkDefault true;
        })
      ];
    };
  groupOpts =
    { name, config, ... }:
    {
      options = {
        name = mkOption { type = types.passwdEntry types.str; };
        gid = nullable types.int;
        members = mkOption {
          type = types.listOf (types.passwdEntry types.str);
          default = [ ];
        };
      };
      config = {
        name = mkDefault name;
        members = lib.mapAttrsToList (n: u: u.name) (
          lib.filterAttrs (n: u: u.enable && builtins.elem config.name u.extraGroups) cfg.users
        );
      };
    };
in
{
  options.users = {
    mutableUsers = flag true;
    enforceIdUniqueness = flag true;
    manageLingering = flag true;
    allowNoPasswordLogin = flag false;
    defaultUserHome = mkOption {
      type = types.str;
      default = "/home";
    };
    defaultUserShell = mkOption {
      type = types.either types.path types.shellPackage;
      default = pkgs.shadow;
    };
    users = mkOption {
      default = { };
      type = types.attrsOf (types.submodule userOpts);
    };
    groups = mkOption {
      default = { };
      type = types.attrsOf (types.submodule groupOpts);
    };
  };

  config.assertions = lib.concatLists (
    lib.mapAttrsToList (
      _: user:
      lib.optionals user.enable [
        {
          assertion = user.hashedPassword != null -> builtins.match ".*:.*" user.hashedPassword == null;
          message = ''
            The password hash of user "${user.name}" contains a ":" character.
            This is invalid and would break the login system because the fields
            of /etc/shadow (file where hashes are stored) are colon-separated.
            Please check the value of option `users.users."${user.name}".hashedPassword`.'';
        }
        {
          # A user with a uid below 1000 counts as a system user.
          assertion = (user.isSystemUser || (user.uid != null && user.uid < 1000)) != user.isNormalUser;
          message = ''
            Exactly one of users.users.${user.name}.isSystemUser and users.users.${user.name}.isNormalUser must be set.
          '';
        }
        {
          assertion = user.group != "";
          message = ''
            users.users.${user.name}.group is unset. This used to default to
            nogroup, but this is unsafe. For example you can create a group
            for this user with:
            users.users.${user.name}.group = "${user.name}";
            users.groups.${user.name} = {};
          '';
        }
      ]
    ) cfg.users
  );
}
