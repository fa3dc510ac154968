# Removes the starter pack's build output (dist/).
$ErrorActionPreference = 'Stop'
$dist = Join-Path (Split-Path -Parent $PSScriptRoot) 'dist'
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
Write-Host 'removed: dist/'
