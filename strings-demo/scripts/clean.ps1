# Removes the strings demo's build output (dist/).
$dist = Join-Path (Split-Path -Parent $PSScriptRoot) 'dist'
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
Write-Host 'removed strings-demo/dist'
