# Example settings file for psl (`psl translate examples/nix/ini-daemon.nix --config examples/settings/inidaemon.nix`):
# an ordinary NixOS module holding the user's choices for the module under translation.
{
  services.inidaemon = {
    enable = true;
    openFirewall = true;
    settings = {
      server.port = 7171;
      server.bind = "0.0.0.0";
      log.level = "info";
    };
  };
}
