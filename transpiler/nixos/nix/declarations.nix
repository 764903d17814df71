# psl's NixOS declarations: the modules that declare what psl translates (systemd units, tmpfiles, users and
# groups, /etc files), in the order eval-isolated.nix imports them.
[
  ./systemd.nix
  ./systemd-checks.nix
  ./tmpfiles.nix
  ./users-groups.nix
  ./etc.nix
]
