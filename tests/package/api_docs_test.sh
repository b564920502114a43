#!/bin/bash
# The API reference builds from the public headers without a doxygen warning (a malformed or
# dangling doc comment). Usage: api_docs_test.sh DOXYGEN DOXYFILE OUTPUT_DIR
set -u
doxygen=$1 doxyfile=$2 out=$3
mkdir -p "$out"
rm -f "$out/warnings.log"
"$doxygen" "$doxyfile" || { echo "FAIL: doxygen exited $?"; exit 1; }
[[ -f $out/html/index.html ]] || { echo "FAIL: no $out/html/index.html"; exit 1; }
if [[ -s $out/warnings.log ]]; then
    echo "FAIL: doxygen warnings:"
    cat "$out/warnings.log"
    exit 1
fi
echo "api_docs: $(ls "$out/html" | wc -l) files in $out/html, no warnings"
