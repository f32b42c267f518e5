#!/usr/bin/env bash
# Renders every DOCX/XLSX report built from the sample data with LibreOffice, as an official would print it,
# writes the first pages of each as PNG under docs/reports/, and fails when a rendering's page count differs
# from the one the report's layout computed (the `ComputedPages` document property).
#
#   npm run render-reports            # needs soffice (Writer and Calc), pdfinfo and pdftoppm
#   KEEP=1 npm run render-reports     # keeps the PDFs in the work folder it prints
#   REUSE=1 LOCAL_DATA_DIR=… npm run render-reports   # a folder the sample data was already imported into
#   ONLY="oit-docx rollup-xlsx" npm run render-reports  # only these reports (their PNGs replaced, the others kept)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=docs/reports
PAGES=${PAGES:-3}
WORK=$(mktemp -d /tmp/render-reports.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

# The report font is TH Sarabun New from the npm package, not installed system-wide: fontconfig is pointed at it.
FONT_DIR=$ROOT/node_modules/font-th-sarabun-new/fonts
cat > "$WORK/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$FONT_DIR</dir>
  <cachedir>$WORK/fc-cache</cachedir>
  <alias binding="strong"><family>TH Sarabun New</family><prefer><family>TH Sarabun New</family></prefer></alias>
  <alias binding="strong"><family>TH SarabunPSK</family><prefer><family>TH Sarabun New</family></prefer></alias>
</fontconfig>
EOF
export FONTCONFIG_FILE=$WORK/fonts.conf
export LOCAL_DATA_DIR=${LOCAL_DATA_DIR:-$WORK/data}
cli() { npm run -s cli -- "$@"; }

echo "sample data in $LOCAL_DATA_DIR"
if [ -z "${REUSE:-}" ]; then
cli import examples/plan-2568.csv >/dev/null
cli org update --name "เทศบาลตำบลโพธิ์ทอง" --district "โพธิ์ทอง" --province "อ่างทอง" --fiscal-year 2568 --ita-score 92.85 --ita-level A >/dev/null
cli oit import examples/oit-2567.csv >/dev/null
cli indicators import examples/ita-indicators-2566.csv >/dev/null
fi

# shellcheck disable=SC2086
npx tsx scripts/build-sample-reports.ts "$WORK/files" ${ONLY:-}

soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to pdf --outdir "$WORK/pdf" "$WORK"/files/* >/dev/null 2>&1

mkdir -p "$OUT"
failed=0
printf '%-22s %8s %8s\n' report rendered computed
for file in "$WORK"/files/*; do
  name=$(basename "${file%.*}")
  pdf="$WORK/pdf/$name.pdf"
  if [ ! -f "$pdf" ]; then echo "$name: LibreOffice did not render it"; failed=1; continue; fi
  rendered=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  computed=$(unzip -p "$file" docProps/custom.xml 2>/dev/null | grep -o 'name="ComputedPages"><vt:lpwstr>[0-9]*' | grep -o '[0-9]*$' || true)
  printf '%-22s %8s %8s\n' "$name" "$rendered" "${computed:--}"
  if [ -n "$computed" ] && [ "$computed" != "$rendered" ]; then failed=1; fi
  rm -f "$OUT/$name"-*.png
  pdftoppm -png -r 50 -f 1 -l "$PAGES" "$pdf" "$OUT/$name"
  # A document that turns (seed 004: portrait prose, then the landscape table) shows its first turned pages
  # too, and its last page (the summary and who reports).
  first_size=$(pdfinfo -f 1 -l 1 "$pdf" | awk '/^Page +1 size:/ {print $4, $6}')
  turn=$(pdfinfo -f 1 -l "$rendered" "$pdf" | awk -v s="$first_size" '/^Page +[0-9]+ size:/ && ($4 " " $6) != s {print $2; exit}')
  if [ -n "$turn" ]; then
    pdftoppm -png -r 50 -f "$turn" -l $((turn + PAGES - 1)) "$pdf" "$OUT/$name"
    pdftoppm -png -r 50 -f "$rendered" -l "$rendered" "$pdf" "$OUT/$name"
  fi
done
[ -n "${KEEP:-}" ] && echo "PDFs kept in $WORK/pdf"
if [ "$failed" != 0 ]; then echo "a rendered page count differs from the computed one" >&2; exit 1; fi
