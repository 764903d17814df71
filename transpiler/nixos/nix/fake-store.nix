# psl's NixOS stand-in: fake but stable Nix store paths for things NixOS would build. The same name and
# content give the same path everywhere: /nix/store/<32 chars of Nix base-32>-<name>, the hash part taken
# from builtins.hashString "sha256" (first 20 bytes, Nix's alphabet and bit order), so paths look and sort
# like real ones. Nothing is written to any store.
let
  alphabet = "0123456789abcdfghijklmnpqrsvwxyz";
  hexValue = builtins.listToAttrs (
    builtins.genList (i: {
      name = builtins.substring i 1 "0123456789abcdef";
      value = i;
    }) 16
  );
  pow2 = n: if n == 0 then 1 else 2 * pow2 (n - 1);
  # The first `count` bytes of a hex digest, as integers.
  bytesOf =
    count: hex:
    builtins.genList (
      i: hexValue.${builtins.substring (2 * i) 1 hex} * 16 + hexValue.${builtins.substring (2 * i + 1) 1 hex}
    ) count;
  # Nix's base-32: 5-bit groups read from the least significant bits, printed most significant first.
  base32 =
    bytes:
    let
      n = builtins.length bytes;
      len = (n * 8 + 4) / 5;
      byte = i: if i < n then builtins.elemAt bytes i else 0;
      digit =
        k:
        let
          b = k * 5;
          i = b / 8;
          j = b - i * 8;
          low = builtins.div (byte i) (pow2 j);
          high = if j > 3 then byte (i + 1) * pow2 (8 - j) else 0;
        in
        builtins.substring (builtins.bitAnd 31 (builtins.bitOr low high)) 1 alphabet;
    in
    builtins.concatStringsSep "" (builtins.genList (m: digit (len - 1 - m)) len);
in
rec {
  inherit base32;
  # The 32-character hash part for a name and content.
  hashPart = name: content: base32 (bytesOf 20 (builtins.hashString "sha256" "psl-fake-store:${name}:${content}"));
  storePath = name: content: "/nix/store/${hashPart name content}-${name}";
  drvPath = name: content: "/nix/store/${hashPart "${name}.drv" content}-${name}.drv";
}
