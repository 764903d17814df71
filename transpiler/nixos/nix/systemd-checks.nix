# psl's NixOS declarations: NixOS's warnings and assertions about systemd units (oneshot services that
# restart, deprecated StartLimitInterval, ordering after network-online.target without wanting it, the
# removed network-interfaces.target). Works over any declarations of systemd.services & co.
{ config, lib, ... }:
let
  cfg = config.systemd;
in
{
  config = {
    warnings =
      let
        netOnline =
          kind: name: def:
          lib.optional (
            builtins.elem "network-online.target" def.after
            && !(builtins.elem "network-online.target" (def.wants ++ def.requires ++ def.bindsTo))
          ) "${name}.${kind} is ordered after 'network-online.target' but doesn't depend on it";
        each = kind: defs: lib.concatLists (lib.mapAttrsToList (netOnline kind) defs);
      in
      lib.concatLists (
        lib.mapAttrsToList (
          name: service:
          let
            type = service.serviceConfig.Type or "";
            restart = service.serviceConfig.Restart or "no";
          in
          lib.optional (
            type == "oneshot" && (restart == "always" || restart == "on-success")
          ) "Service '${name}.service' with 'Type=oneshot' cannot have 'Restart=always' or 'Restart=on-success'"
          ++ lib.optional (builtins.hasAttr "StartLimitInterval" service.serviceConfig) "Service '${name}.service' uses the attribute 'StartLimitInterval' in the Service section, which is deprecated. See https://github.com/NixOS/nixpkgs/issues/45786."
          ++ lib.optional (
            service.reloadIfChanged && service.reloadTriggers != [ ]
          ) "Service '${name}.service' has both 'reloadIfChanged' and 'reloadTriggers' set. This is probably not what you want, because 'reloadTriggers' behave the same whay as 'restartTriggers' if 'reloadIfChanged' is set."
        ) cfg.services
      )
      ++ each "target" cfg.targets
      ++ each "service" cfg.services
      ++ each "socket" cfg.sockets
      ++ each "timer" cfg.timers
      ++ each "path" cfg.paths
      ++ each "slice" cfg.slices;

    assertions = lib.concatLists (
      lib.mapAttrsToList (
        name: service:
        lib.optional (
          builtins.elem "network-interfaces.target" service.after || builtins.elem "network-interfaces.target" service.wants
        ) {
          assertion = false;
          message = "Service '${name}.service' is using the deprecated target network-interfaces.target, which no longer exists. Using network.target is recommended instead.";
        }
      ) cfg.services
    );
  };
}
