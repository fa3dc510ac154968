# Builds the strings demo into dist/ (Windows PowerShell / pwsh):
#   shout.wasm                 standalone module: shout, malloc, free (page wires it by hand)
#   shout_glue.js + .wasm      the same C behind Emscripten's glue, as a factory function
#
# Finds emcc on PATH or under $env:EMSDK. Each output is rebuilt only when its
# source or this script is newer; pass -Force to rebuild all.
param([switch]$Force)
$ErrorActionPreference = 'Stop'

$demoDir = Split-Path -Parent $PSScriptRoot
$dist = Join-Path $demoDir 'dist'
$src = Join-Path $demoDir 'c/shout.c'

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

function Test-UpToDate([string]$Output) {
    if ($Force -or -not (Test-Path $Output)) { return $false }
    $built = (Get-Item $Output).LastWriteTime
    return ($built -gt (Get-Item $src).LastWriteTime -and $built -gt (Get-Item $PSCommandPath).LastWriteTime)
}

$emcc = Find-Emcc
if (-not $emcc) {
    Write-Error ("emcc (Emscripten) was not found on PATH or under `$env:EMSDK. " +
        "Install the emsdk (https://emscripten.org/docs/getting_started/downloads.html) " +
        "and run emsdk_env.ps1 in this shell.")
    exit 2
}
New-Item -ItemType Directory -Force -Path $dist | Out-Null

$standaloneOut = Join-Path $dist 'shout.wasm'
if (Test-UpToDate $standaloneOut) {
    Write-Host 'up to date: dist/shout.wasm'
} else {
    # malloc and free are exported so that JavaScript can place the input and release the result.
    & $emcc -O2 $src -o $standaloneOut --no-entry -s EXPORTED_FUNCTIONS=_shout,_malloc,_free
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "built: dist/shout.wasm ($((Get-Item $standaloneOut).Length) bytes)"
}

$glueWasm = Join-Path $dist 'shout_glue.wasm'
if (Test-UpToDate $glueWasm) {
    Write-Host 'up to date: dist/shout_glue.js, dist/shout_glue.wasm'
} else {
    # MODULARIZE: the glue becomes a factory, createShoutModule({ print }), returning a promise.
    & $emcc -O2 $src -o (Join-Path $dist 'shout_glue.js') `
        -s MODULARIZE=1 -s EXPORT_NAME=createShoutModule `
        -s EXPORTED_FUNCTIONS=_shout_cstr,_shout_print,_malloc,_free `
        -s EXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString `
        -s ENVIRONMENT=web
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "built: dist/shout_glue.js, dist/shout_glue.wasm ($((Get-Item $glueWasm).Length) bytes)"
}
