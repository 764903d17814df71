# lib differential case: makeBinPath, makeSearchPathOutput and output selection over packages and strings
{ lib }:
let
  drv = name: outputs: let
    self = { type = "derivation"; inherit name; outPath = "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-${name}"; outputName = "out"; }
      // lib.genAttrs outputs (o: self // { outPath = "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-${name}-${o}"; outputName = o; });
  in self;
  single = drv "hello-2.12" [ "out" ];
  multi = drv "curl-8" [ "out" "bin" "dev" ];
  meta = drv "jq-1.7" [ "out" "bin" ] // { meta.mainProgram = "jq"; };
in
with lib;
{
  bin = makeBinPath [ single multi "/opt/x" ];
  sbin = makeSearchPathOutput "bin" "sbin" [ single multi ];
  lib = makeLibraryPath [ multi ];
  search = makeSearchPath "share" [ "/a" "/b" ];
  outputs = map toString [ (getBin multi) (getBin single) (getDev multi) (getLib multi) (getOutput "man" multi) ];
  exe = [ (getExe meta) (getExe' multi "curl-config") ];
  isDrv = [ (isDerivation single) (isDerivation "x") ];
}
