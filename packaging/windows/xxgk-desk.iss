; Inno Setup script for the Windows installer of xxgk-desk (per-user, no admin rights).
; Input: the PyInstaller one-folder app in dist\xxgk-desk\ (packaging\xxgk-desk.spec).
; Build:  iscc /DAppVersion=0.1.0 packaging\windows\xxgk-desk.iss   -> dist\xxgk-desk-setup-0.1.0.exe
; tests/test_windows_installer.py checks the names here against the spec.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "xxgk-desk"
#define AppExe "xxgk-desk-gui.exe"
#define ProgId "xxgk-desk.Report"

[Setup]
AppId={{6B7C2E0A-3F1D-4B8E-9C55-2A1E7D4F9B10}
AppName=高校信息公开年报审核 (xxgk-desk)
AppVersion={#AppVersion}
AppPublisher=xxgk-desk
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName=xxgk-desk
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=xxgk-desk-setup-{#AppVersion}
SetupIconFile=resources\icons\xxgk-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=LICENSE
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\高校信息公开年报审核"; Filename: "{app}\{#AppExe}"
Name: "{group}\卸载 xxgk-desk"; Filename: "{uninstallexe}"

[Registry]
; File associations for the current user only (HKCU\Software\Classes): "用 xxgk-desk 审核" on .pdf and .docx,
; offered in 打开方式 without taking over the default program.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "高校信息公开年度报告"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open"; ValueType: string; ValueName: ""; ValueData: "用 xxgk-desk 审核"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; The right-click verb on both types: "用 xxgk-desk 审核".
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\xxgk-desk"; ValueType: string; ValueName: ""; ValueData: "用 xxgk-desk 审核"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\xxgk-desk"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\xxgk-desk\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\xxgk-desk"; ValueType: string; ValueName: ""; ValueData: "用 xxgk-desk 审核"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\xxgk-desk"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\xxgk-desk\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,xxgk-desk}"; Flags: nowait postinstall skipifsilent
