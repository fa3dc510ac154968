# Removes the minimal demo's build output (dist/).
$ErrorActionPreference = 'Stop'
$dist = Join-Path (Split-Path -Parent $PSScriptRoot) 'dist'
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
Write-Host 'removed: dist/'
