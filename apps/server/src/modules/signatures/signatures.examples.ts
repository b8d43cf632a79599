/**
 * A real, self-signed CA certificate for the API example of `POST /api/signatures/trusted`. Its private
 * key was thrown away when it was made (`-keyout /dev/null`): trusting it lets nobody sign anything.
 */
export const EXAMPLE_TRUSTED_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDuzCCAqOgAwIBAgIUJYV+BfcoGST4L0oSZbkzMdOxLBgwDQYJKoZIhvcNAQEL',
  'BQAwZDELMAkGA1UEBhMCVk4xETAPBgNVBAoMCFbDrSBk4bulMUIwQAYDVQQDDDlD',
  'QSB2w60gZOG7pSBjaG8gdMOgaSBsaeG7h3UgQVBJIChraMO0bmcgY8OzIGtow7Nh',
  'IHJpw6puZykwIBcNMjYxMTI1MjM1ODU5WhgPMjA1NjExMTcyMzU4NTlaMGQxCzAJ',
  'BgNVBAYTAlZOMREwDwYDVQQKDAhWw60gZOG7pTFCMEAGA1UEAww5Q0EgdsOtIGTh',
  'u6UgY2hvIHTDoGkgbGnhu4d1IEFQSSAoa2jDtG5nIGPDsyBraMOzYSByacOqbmcp',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA18qA34frIzZjVN00Fg7m',
  'PaDNEWZmp5Ld8e4IryORlm8IZU5bH5Lax3ZApcMvd2RumeXPqO2B/n+JICuXqwaJ',
  'VHhcZ4nHR++2R9ScHRvzh+AlQ7/haQYvRWeo0qi2KiHJ86jRnXH9PHEQBleopPy3',
  'e/g6eXszc84B8RXUhLOZ7svKJDbbNkJy+5dChGx57y5hNuTzdn+QNLWc9wwzFTnf',
  'PD8gOWFyroayseAButxsirWC/z62p2vcl6Hr1/HuSDtgC2vyidvtVq2gIMPP/Mpf',
  '8v1npBrEyQv5Ghj/ba+mJdwJQEsXamsM1tQugpqJPTsNnkjGSXH8szPqeQgNLpOi',
  'XQIDAQABo2MwYTAdBgNVHQ4EFgQUK56IgLCMtx8uBF4IJVTR6pepOPcwHwYDVR0j',
  'BBgwFoAUK56IgLCMtx8uBF4IJVTR6pepOPcwDwYDVR0TAQH/BAUwAwEB/zAOBgNV',
  'HQ8BAf8EBAMCAQYwDQYJKoZIhvcNAQELBQADggEBADXrmr+nDlL4oR6Uip6uhyCk',
  'VY5FTosHhshwlODv+DamMYeRCcoUApUnlOpe4hRvgYyiSsI6PqjW7SAhvOB2OhzI',
  'SfHZqZ1T6jvlT9UvHRHl6vjjRijljsZrTOOiWWDm9/U7uLvygnsvGAR5ZDRbhYx+',
  'Zymlgfw+RYmgAV2aXFMwRScZWEeXbPMk6wo/B88bj5DYORvE2xYyOOxgOjVX58dj',
  'dUm99jy/wF9FloY4LeeKOJwwdc45TVTF4h0L16+mVCPm93rbQECNnWJptapKJ9KJ',
  'soJegmwQ/abDdb1l1ZiDQ/uE4xrmdi3GpIYrmxXiV5IHORmGrTwX5GewqQc4/ps=',
  '-----END CERTIFICATE-----',
].join('\n');
