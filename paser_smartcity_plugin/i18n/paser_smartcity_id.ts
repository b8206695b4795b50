<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>PaserSmartCity</name>
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
        <location filename="../processing/provider.py"/>
        <source>Paser Smart City</source>
        <translation>Paser Smart City</translation>
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
        <location filename="../processing/base.py"/>
        <source>Workspace</source>
        <translation>Ruang kerja</translation>
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
        <source>Workspace GeoPackage</source>
        <translation>GeoPackage ruang kerja</translation>
    </message>
    <message>
        <location filename="../processing/create_workspace.py"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
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
</context>
</TS>
