<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>PaserSmartCity</name>
    <message>
        <location filename="../gui/dashboard.py"/>
        <location filename="../plugin.py"/>
        <source>Programme dashboard</source>
        <translation>Dasbor program</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Zoom to</source>
        <translation>Perbesar ke</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Zoom the map to the selected row (or double-click a row)</source>
        <translation>Perbesar peta ke baris yang dipilih (atau klik ganda sebuah baris)</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <location filename="../gui/settings_page.py"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Dashboard error: {error}</source>
        <translation>Galat dasbor: {error}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Cannot read the workspace: {error}</source>
        <translation>Ruang kerja tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>No workspace yet: open the smart-city layers first.</source>
        <translation>Belum ada ruang kerja: buka dulu lapisan kota cerdas.</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{registered} of {target} service points registered ({share:.0%}), {active} active ({active_share:.0%} of the target); {towers} towers. Source: {source}</source>
        <translation>{registered} dari {target} titik layanan terdaftar ({share:.0%}), {active} aktif ({active_share:.0%} dari target); {towers} menara. Sumber: {source}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Service points</source>
        <translation>Titik layanan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Towers</source>
        <translation>Menara</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{regency} (target {target})</source>
        <translation>{regency} (target {target})</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Unknown desa code</source>
        <translation>Kode desa tidak dikenal</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Other status</source>
        <translation>Status lain</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{name} — service points: {count}</source>
        <translation>{name} — titik layanan: {count}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source> (target {target})</source>
        <translation> (target {target})</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{name} — towers: {count}</source>
        <translation>{name} — menara: {count}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Nothing to export: open the smart-city layers first.</source>
        <translation>Tidak ada yang dapat diekspor: buka dulu lapisan kota cerdas.</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Cannot write {path}: {error}</source>
        <translation>{path} tidak dapat ditulis: {error}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Dashboard exported: {path}</source>
        <translation>Dasbor diekspor: {path}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Export dashboard</source>
        <translation>Ekspor dasbor</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/options_factory.py"/>
        <location filename="../plugin.py"/>
        <location filename="../processing/provider.py"/>
        <source>Paser Smart City</source>
        <translation>Paser Smart City</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>The desa boundary layer cannot be opened: {source}</source>
        <translation>Lapisan batas desa tidak dapat dibuka: {source}</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>The desa boundary layer must have polygons: {source}</source>
        <translation>Lapisan batas desa harus berisi poligon: {source}</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <location filename="../processing/create_workspace.py"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source> s</source>
        <translation> dtk</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>None: desa are checked against the gazetteer only</source>
        <translation>Tidak ada: desa hanya diperiksa terhadap gazetir</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <location filename="../processing/base.py"/>
        <source>Workspace</source>
        <translation>Ruang kerja</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>Boundary data source</source>
        <translation>Sumber data batas</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>Central server and Telkom</source>
        <translation>Server pusat dan Telkom</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>Passwords and tokens are kept in the QGIS authentication database; only the configuration id is stored here.</source>
        <translation>Kata sandi dan token disimpan di basis data autentikasi QGIS; di sini hanya ID konfigurasinya yang disimpan.</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>The authentication configuration {id} is not in this QGIS&apos;s authentication database: it is kept until you choose another.</source>
        <translation>Konfigurasi autentikasi {id} tidak ada di basis data autentikasi QGIS ini: konfigurasi itu tetap disimpan sampai Anda memilih yang lain.</translation>
    </message>
    <message>
        <location filename="../gui/settings_page.py"/>
        <source>Paser Smart City settings not saved: {problems}</source>
        <translation>Pengaturan Paser Smart City tidak disimpan: {problems}</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>A desa/kelurahan code of Kabupaten Paser</source>
        <translation>Kode desa/kelurahan di Kabupaten Paser</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>The name is required</source>
        <translation>Nama wajib diisi</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>Cannot open layer {layer} of {path}</source>
        <translation>Lapisan {layer} dari {path} tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Open smart-city layers</source>
        <translation>Buka lapisan kota cerdas</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Open the service points and tower plans of the workspace (created on first use)</source>
        <translation>Buka titik layanan dan rencana menara dari ruang kerja (dibuat saat pertama kali digunakan)</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Service points and towers by status, per kecamatan, against the 300-point target</source>
        <translation>Titik layanan dan menara menurut status, per kecamatan, dibandingkan target 300 titik</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Workspace, central server, distances (Settings &gt; Options &gt; Paser Smart City)</source>
        <translation>Ruang kerja, server pusat, jarak (Pengaturan &gt; Opsi &gt; Paser Smart City)</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Unexpected error: {error}</source>
        <translation>Galat tak terduga: {error}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Cannot open the workspace: {error}</source>
        <translation>Ruang kerja tidak dapat dibuka: {error}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>New workspace created with the 2022 programme: {path}</source>
        <translation>Ruang kerja baru dibuat dengan data program 2022: {path}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>The settings are in Settings &gt; Options &gt; Paser Smart City</source>
        <translation>Pengaturan ada di Pengaturan &gt; Opsi &gt; Paser Smart City</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>Create workspace</source>
        <translation>Buat ruang kerja</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>Creates a smart-city workspace: a GeoPackage (EPSG:4326) with the layers service_points and tower_plans. With DEMO, it is seeded with the four towers of the 2022 programme and the kantor desa/kelurahan and kantor kecamatan at gazetteer centroids. An existing workspace is left as it is; any other existing file is refused, never overwritten.</source>
        <translation>Membuat ruang kerja kota cerdas: sebuah GeoPackage (EPSG:4326) berisi lapisan service_points (titik layanan) dan tower_plans (rencana menara). Dengan DEMO, ruang kerja diisi empat menara program 2022 serta kantor desa/kelurahan dan kantor kecamatan pada titik tengah gazetir. Ruang kerja yang sudah ada dibiarkan apa adanya; berkas lain yang sudah ada ditolak, tidak pernah ditimpa.</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Workspace GeoPackage</source>
        <translation>GeoPackage ruang kerja</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>Seed the demo data</source>
        <translation>Isi dengan data demo</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>Created (false: the workspace already existed)</source>
        <translation>Dibuat (false: ruang kerja sudah ada)</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>Workspace created: {path}</source>
        <translation>Ruang kerja dibuat: {path}</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>{path} is already a workspace; it was left unchanged</source>
        <translation>{path} sudah merupakan ruang kerja; tidak diubah</translation>
    </message>
    <message>
        <location filename="../toolbelt/logger.py"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Central server URL</source>
        <translation>URL server pusat</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Authentication</source>
        <translation>Autentikasi</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Sync timeout (s)</source>
        <translation>Batas waktu sinkronisasi (dtk)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Duplicate distance (m)</source>
        <translation>Jarak duplikat (m)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Telkom match distance (m)</source>
        <translation>Jarak pencocokan Telkom (m)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>Desa boundary layer</source>
        <translation>Lapisan batas desa</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>The workspace must be a GeoPackage file (.gpkg): {path}</source>
        <translation>Ruang kerja harus berupa berkas GeoPackage (.gpkg): {path}</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>The central server URL must start with https:// and name a server: {url}</source>
        <translation>URL server pusat harus diawali https:// dan menyebut nama server: {url}</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>The central server URL must use https:// (http:// only for this computer): {url}</source>
        <translation>URL server pusat harus memakai https:// (http:// hanya untuk server di komputer ini): {url}</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>{setting} must be between {low} and {high}, not {value}</source>
        <translation>{setting} harus antara {low} dan {high}, bukan {value}</translation>
    </message>
</context>
</TS>
