# Builds dist/add_and_log.wasm from c/add_and_log.c with emcc (Windows PowerShell / pwsh).
#
# Finds emcc on PATH or under $env:EMSDK. Skips the compile when the module is
# newer than its source and this script; pass -Force to rebuild anyway.
param([switch]$Force)
$ErrorActionPreference = 'Stop'

$demoDir = Split-Path -Parent $PSScriptRoot
$src = Join-Path $demoDir 'c/add_and_log.c'
$dist = Join-Path $demoDir 'dist'
$out = Join-Path $dist 'add_and_log.wasm'

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

$emcc = Find-Emcc
if (-not $emcc) {
    Write-Error ("emcc (Emscripten) was not found on PATH or under `$env:EMSDK. " +
        "Install the emsdk (https://emscripten.org/docs/getting_started/downloads.html) " +
        "and run emsdk_env.ps1 in this shell.")
    exit 2
}

if (-not $Force -and (Test-Path $out)) {
    $built = (Get-Item $out).LastWriteTime
    if ($built -gt (Get-Item $src).LastWriteTime -and $built -gt (Get-Item $PSCommandPath).LastWriteTime) {
        Write-Host 'up to date: dist/add_and_log.wasm'
        exit 0
    }
}

New-Item -ItemType Directory -Force -Path $dist | Out-Null
# --no-entry: a library module, no main(). log_value stays undefined at link
# time on purpose: it becomes the import env.log_value.
& $emcc -O2 $src -o $out --no-entry '-Wl,--export=add_and_log' '-sERROR_ON_UNDEFINED_SYMBOLS=0'
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Host "built: dist/add_and_log.wasm ($((Get-Item $out).Length) bytes)"
