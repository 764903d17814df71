# psl's bundled Nix lib: completes a namespace with the public names of nixpkgs' lib it does not implement,
# each an error that names it, so a module using one fails clearly instead of getting a wrong value.
{ known }:
rec {
  message = path: "psl's bundled lib has no `lib.${path}'; use --nixpkgs PATH to evaluate with nixpkgs' own lib";

  # `implemented` plus a throwing entry for every name of `names` it lacks.
  complete =
    prefix: implemented: names:
    builtins.listToAttrs (
      map (n: {
        name = n;
        value = throw (message "${prefix}${n}");
      }) (builtins.filter (n: !(implemented ? ${n})) names)
    )
    // implemented;
}
