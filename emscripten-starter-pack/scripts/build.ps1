# Builds the starter pack's two examples into dist/ (Windows PowerShell / pwsh):
#   hello_export.wasm          a standalone module exporting add (no glue)
#   hello_stdio.js + .wasm     printf through Emscripten's generated JS glue
#   hello_stdio.wasi.wasm      the same C as a standalone WASI command (no glue)
#
# Finds emcc on PATH or under $env:EMSDK. Each output is rebuilt only when its
# source or this script is newer; pass -Force to rebuild all.
param([switch]$Force)
$ErrorActionPreference = 'Stop'

$packDir = Split-Path -Parent $PSScriptRoot
$dist = Join-Path $packDir 'dist'

function Find-Emcc {
    $cmd = Get-Command emcc -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    if ($env:EMSDK) {
        foreach ($name in 'emcc.bat', 'emcc') {
            $candidate = Join-Path $env:EMSDK "upstream/emscripten/$name"
            if (Test-Path $candidate) { return $candidate }
        }
    }
    return $null
}

function Test-UpToDate([string]$Output, [string]$Source) {
    if ($Force -or -not (Test-Path $Output)) { return $false }
    $built = (Get-Item $Output).LastWriteTime
    return ($built -gt (Get-Item $Source).LastWriteTime -and $built -gt (Get-Item $PSCommandPath).LastWriteTime)
}

$emcc = Find-Emcc
if (-not $emcc) {
    Write-Error ("emcc (Emscripten) was not found on PATH or under `$env:EMSDK. " +
        "Install the emsdk (https://emscripten.org/docs/getting_started/downloads.html) " +
        "and run emsdk_env.ps1 in this shell.")
    exit 2
}
New-Item -ItemType Directory -Force -Path $dist | Out-Null

$exportSrc = Join-Path $packDir 'c/hello_export.c'
$exportOut = Join-Path $dist 'hello_export.wasm'
if (Test-UpToDate $exportOut $exportSrc) {
    Write-Host 'up to date: dist/hello_export.wasm'
} else {
    # _add: Emscripten's export list names the C symbol; the Wasm export is "add".
    & $emcc -O2 $exportSrc -o $exportOut --no-entry -s EXPORTED_FUNCTIONS=_add
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "built: dist/hello_export.wasm ($((Get-Item $exportOut).Length) bytes)"
}

$stdioSrc = Join-Path $packDir 'c/hello_stdio.c'
$stdioOut = Join-Path $dist 'hello_stdio.wasm'
if (Test-UpToDate $stdioOut $stdioSrc) {
    Write-Host 'up to date: dist/hello_stdio.js, dist/hello_stdio.wasm'
} else {
    # A .js output makes the JS glue plus hello_stdio.wasm.
    & $emcc -O2 $stdioSrc -o (Join-Path $dist 'hello_stdio.js') -s ENVIRONMENT=web
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "built: dist/hello_stdio.js, dist/hello_stdio.wasm ($((Get-Item $stdioOut).Length) bytes)"
}

$wasiOut = Join-Path $dist 'hello_stdio.wasi.wasm'
if (Test-UpToDate $wasiOut $stdioSrc) {
    Write-Host 'up to date: dist/hello_stdio.wasi.wasm'
} else {
    # A .wasm output with main() makes a standalone WASI command: exports _start, imports only WASI.
    & $emcc -O2 $stdioSrc -o $wasiOut
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "built: dist/hello_stdio.wasi.wasm ($((Get-Item $wasiOut).Length) bytes)"
}
