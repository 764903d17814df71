# lib differential case: type descriptions, as error messages print them
{ lib }:
let
  t = lib.types;
in
map (x: x.description) [
  t.str t.int t.bool t.path t.package t.port t.lines t.commas t.anything t.attrs t.raw t.unspecified
  (t.listOf t.str) (t.listOf (t.either t.str t.int)) (t.attrsOf t.int) (t.lazyAttrsOf (t.submodule { }))
  (t.nullOr t.str) (t.nullOr (t.listOf t.str)) (t.either t.str t.int) (t.oneOf [ t.str t.int t.bool ])
  (t.enum [ "a" "b" ]) (t.enum [ "a" ]) (t.strMatching "a.*") (t.coercedTo t.int toString t.str)
  (t.functionTo t.str) (t.uniq t.str) t.ints.u8 t.ints.s16 t.ints.unsigned t.ints.positive (t.ints.between 1 5)
  t.singleLineStr t.nonEmptyStr (t.passwdEntry t.str) t.boolByOr t.deferredModule (t.separatedString ":")
]
