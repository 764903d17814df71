# lib differential case: generators modules write config files with
{ lib }:
with lib.generators;
{
  ini = toINI { } { main = { port = 80; debug = true; name = "x"; path = null; }; "sec[1]" = { a = "b"; }; };
  iniDup = toINI { listsAsDuplicateKeys = true; } { s = { k = [ "a" "b" ]; }; };
  iniGlobal = toINIWithGlobalSection { } { globalSection = { user = "nobody"; }; sections = { x = { y = 1; }; }; };
  iniGlobalEmpty = toINIWithGlobalSection { } { globalSection = { }; sections = { x = { y = 1; }; }; };
  kv = toKeyValue { } { a = 1; b = "two"; c = false; };
  kvSep = toKeyValue { mkKeyValue = mkKeyValueDefault { } " = "; } { "a=b" = 1; };
  kvCustom = toKeyValue { mkKeyValue = mkKeyValueDefault { mkValueString = v: if v == true then "yes" else mkValueStringDefault { } v; } ":"; } { on = true; n = 1; };
  kvIndent = toKeyValue { indent = "  "; listsAsDuplicateKeys = true; } { a = [ 1 2 ]; };
  json = toJSON { } { b = [ 1 "x" null ]; a = true; };
  yaml = toYAML { } { a = 1; };
  pretty = toPretty { } { a = [ 1 "two" null true ]; b = { }; "c d" = "multi\nline"; e = x: x; f = { y ? 1 }: y; g = 1.5; };
  prettyInline = toPretty { multiline = false; } { a = [ 1 2 ]; b = "x"; };
  deep = toPretty { } (withRecursion { depthLimit = 2; throwOnDepthLimit = false; } { a = { b = { c = { d = 1; }; }; }; });
  gnu = lib.cli.toGNUCommandLineShell { } { v = true; q = false; port = 80; name = "a b"; tags = [ "x" "y" ]; skip = null; };
  gnuSep = lib.cli.toGNUCommandLine { optionValueSeparator = "="; } { listen = "0.0.0.0:80"; };
}
