# Example NixOS-style module (written for psl): one service per named instance (`attrsOf submodule`), the
# shape of nixpkgs modules such as openvpn servers or redis servers; disabled instances get no unit.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.queue-worker;
  instanceOptions =
    { name, ... }:
    {
      options = {
        enable = lib.mkEnableOption "this queue-worker instance" // {
          default = true;
        };
        queue = lib.mkOption {
          type = lib.types.str;
          default = name;
          description = "Queue this instance consumes.";
        };
        concurrency = lib.mkOption {
          type = lib.types.ints.positive;
          default = 1;
          description = "Jobs run at once.";
        };
        extraArgs = lib.mkOption {
          type = lib.types.listOf lib.types.str;
          default = [ ];
          description = "Extra command-line arguments.";
        };
      };
    };
in
{
  options.services.queue-worker = {
    package = lib.mkPackageOption pkgs "queue-worker" { };
    instances = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule instanceOptions);
      default = { };
      description = "Worker instances, one systemd service each.";
    };
  };

  config = lib.mkIf (cfg.instances != { }) {
    systemd.services = lib.mapAttrs' (
      name: instance:
      lib.nameValuePair "queue-worker-${name}" {
        description = "queue worker for ${instance.queue}";
        wantedBy = [ "multi-user.target" ];
        after = [ "network-online.target" ];
        wants = [ "network-online.target" ];
        environment.WORKER_QUEUE = instance.queue;
        serviceConfig = {
          ExecStart = lib.escapeShellArgs (
            [
              (lib.getExe cfg.package)
              "--concurrency"
              (toString instance.concurrency)
            ]
            ++ instance.extraArgs
          );
          DynamicUser = true;
          Restart = "always";
        };
      }
    ) (lib.filterAttrs (_: instance: instance.enable) cfg.instances);
  };
}
