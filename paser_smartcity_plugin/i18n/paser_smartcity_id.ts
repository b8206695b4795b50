<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>PaserSmartCity</name>
    <message>
        <location filename="../core/central_url.py"/>
        <source>the central server URL contains a user name or password: they would be kept in the workspace and shown in logs. Use the URL without them ({url}) and put the user name and password into a QGIS authentication configuration (Settings &gt; Options &gt; Authentication, method Basic), then choose it as the sync&apos;s Authentication</source>
        <translation>URL server pusat memuat nama pengguna atau kata sandi: keduanya akan tersimpan di ruang kerja dan tampil di log. Gunakan URL tanpa keduanya ({url}) dan simpan nama pengguna serta kata sandi di konfigurasi autentikasi QGIS (Settings &gt; Options &gt; Authentication, metode Basic), lalu pilih konfigurasi itu sebagai Autentikasi sinkronisasi</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{distance} m</source>
        <translation>{distance} m</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{distance} km</source>
        <translation>{distance} km</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{desa}, Kecamatan {kecamatan} ({code}) — from the boundary layer</source>
        <translation>{desa}, Kecamatan {kecamatan} ({code}) — dari lapisan batas desa</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{desa}, Kecamatan {kecamatan} ({code}) — approximate: the position is outside every desa boundary, {distance} from this one</source>
        <translation>{desa}, Kecamatan {kecamatan} ({code}) — perkiraan: posisinya di luar semua batas desa, {distance} dari desa ini</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{desa}, Kecamatan {kecamatan} ({code}) — approximate: {distance} from the border with {neighbour}</source>
        <translation>{desa}, Kecamatan {kecamatan} ({code}) — perkiraan: {distance} dari batas dengan {neighbour}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{desa}, Kecamatan {kecamatan} ({code}) — inside its desa boundary</source>
        <translation>{desa}, Kecamatan {kecamatan} ({code}) — di dalam batas desanya</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the position is not a finite number</source>
        <translation>posisi bukan bilangan hingga</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the configured boundary layer</source>
        <translation>lapisan batas desa yang diatur</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the regency&apos;s official extent</source>
        <translation>batas wilayah resmi kabupaten</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>latitude {lat} is north of the equator (LU/N) — Paser is south (LS/S). Corrected: {corrected}</source>
        <translation>lintang {lat} berada di utara khatulistiwa (LU/N) — Paser di selatan (LS/S). Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>latitude {lat} is north of the equator — Paser is south (LS): did you leave out the minus sign? Corrected: {corrected}</source>
        <translation>lintang {lat} berada di utara khatulistiwa — Paser di selatan (LS): apakah tanda minus terlupa? Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>latitude and longitude look swapped. Corrected: {corrected}</source>
        <translation>lintang dan bujur tampaknya tertukar. Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>latitude and longitude look swapped, and the latitude lacks its minus sign (LS). Corrected: {corrected}</source>
        <translation>lintang dan bujur tampaknya tertukar, dan lintang tidak bertanda minus (LS). Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>longitude {lon} is west (BB/W) — Paser is east (BT/E). Corrected: {corrected}</source>
        <translation>bujur {lon} berada di barat (BB/W) — Paser di timur (BT/E). Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>both signs are wrong: Paser is south (LS) and east (BT). Corrected: {corrected}</source>
        <translation>kedua tanda salah: Paser berada di selatan (LS) dan timur (BT). Koreksi: {corrected}</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>latitude {lat} is out of range (−90 to 90)</source>
        <translation>lintang {lat} di luar rentang (−90 sampai 90)</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>longitude {lon} is out of range (−180 to 180)</source>
        <translation>bujur {lon} di luar rentang (−180 sampai 180)</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>{position} is outside Kabupaten Paser ({where}); it is {km} km from the regency&apos;s centre</source>
        <translation>{position} berada di luar Kabupaten Paser ({where}); jaraknya {km} km dari pusat kabupaten</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>“{name}” is {distance} m away (closer than {limit} m): is this the same site?</source>
        <translation>“{name}” berjarak {distance} m (lebih dekat dari {limit} m): apakah ini lokasi yang sama?</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the site&apos;s desa is {chosen} but the position lies in {suggested} (boundary layer)</source>
        <translation>desa lokasi ini {chosen}, tetapi posisinya berada di {suggested} (lapisan batas desa)</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the site&apos;s desa is {chosen} but the position lies nearest to {suggested} (approximate)</source>
        <translation>desa lokasi ini {chosen}, tetapi posisinya paling dekat ke {suggested} (perkiraan)</translation>
    </message>
    <message>
        <location filename="../core/checks.py"/>
        <source>the site&apos;s desa is {chosen} but the position lies in {suggested} (desa boundaries)</source>
        <translation>desa lokasi ini {chosen}, tetapi posisinya berada di {suggested} (batas desa)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>cannot read the number “{part}”</source>
        <translation>angka “{part}” tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>cannot read “{part}”: separate the two numbers with a space or a semicolon</source>
        <translation>“{part}” tidak dapat dibaca: pisahkan kedua angka dengan spasi atau titik koma</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>unexpected character “{part}” at position {position}</source>
        <translation>karakter tak terduga “{part}” pada posisi {position}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>TM-3 zone {zone} does not cover Paser: use zone 50.1 (EPSG:23837)</source>
        <translation>zona TM-3 {zone} tidak mencakup Paser: gunakan zona 50.1 (EPSG:23837)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is not a number, a hemisphere (LS/LU/BT/BB, S/N/E/W) or a label</source>
        <translation>“{part}” bukan angka, belahan bumi (LS/LU/BT/BB, S/N/E/W) atau label</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{symbol}” without a number before it in “{part}”</source>
        <translation>“{symbol}” tanpa angka di depannya dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>two different hemispheres in “{part}”</source>
        <translation>dua belahan bumi yang berbeda dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is labelled both latitude and longitude</source>
        <translation>“{part}” diberi label lintang sekaligus bujur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>no number in “{part}”</source>
        <translation>tidak ada angka dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>too many numbers in “{part}”: at most degrees, minutes and seconds</source>
        <translation>terlalu banyak angka dalam “{part}”: paling banyak derajat, menit dan detik</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: {symbol} is out of order (degrees ° then minutes &apos; then seconds &quot;)</source>
        <translation>“{part}”: urutan {symbol} salah (derajat ° lalu menit &apos; lalu detik &quot;)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: only the degrees may carry a sign</source>
        <translation>“{part}”: hanya derajat yang boleh bertanda</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: seconds without minutes</source>
        <translation>“{part}”: detik tanpa menit</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: degrees must be a whole number when minutes follow</source>
        <translation>“{part}”: derajat harus bilangan bulat bila diikuti menit</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: minutes must be a whole number when seconds follow</source>
        <translation>“{part}”: menit harus bilangan bulat bila diikuti detik</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: {value} minutes — minutes must be less than 60</source>
        <translation>“{part}”: {value} menit — menit harus kurang dari 60</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: {value} seconds — seconds must be less than 60</source>
        <translation>“{part}”: {value} detik — detik harus kurang dari 60</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: a minus sign and a northern/eastern hemisphere letter contradict</source>
        <translation>“{part}”: tanda minus bertentangan dengan huruf belahan utara/timur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>expected two coordinates separated by one comma or semicolon, found {count} parts</source>
        <translation>diharapkan dua koordinat yang dipisahkan satu koma atau titik koma, ditemukan {count} bagian</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>only one hemisphere letter or label in “{part}”: give one for each coordinate (1°54&apos;08&quot; LS 116°11&apos;21&quot; BT) or none</source>
        <translation>hanya satu huruf belahan bumi atau label dalam “{part}”: berikan satu untuk setiap koordinat (1°54&apos;08&quot; LS 116°11&apos;21&quot; BT) atau tidak sama sekali</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>only one coordinate in “{part}”: a position needs a latitude and a longitude</source>
        <translation>hanya satu koordinat dalam “{part}”: sebuah posisi memerlukan lintang dan bujur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>expected two coordinates, found {count} in “{part}”</source>
        <translation>diharapkan dua koordinat, ditemukan {count} dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>only one number, “{part}”: a position needs a latitude and a longitude</source>
        <translation>hanya satu angka, “{part}”: sebuah posisi memerlukan lintang dan bujur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>cannot tell where the latitude ends and the longitude begins in “{part}”: separate them with a comma or a semicolon</source>
        <translation>tidak jelas di mana lintang berakhir dan bujur dimulai dalam “{part}”: pisahkan dengan koma atau titik koma</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>latitudes</source>
        <translation>lintang</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>longitudes</source>
        <translation>bujur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>both “{first}” and “{second}” are {what}</source>
        <translation>“{first}” dan “{second}” keduanya {what}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>read as longitude, latitude</source>
        <translation>dibaca sebagai bujur, lintang</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>decimal degrees</source>
        <translation>derajat desimal</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>degrees and decimal minutes</source>
        <translation>derajat dan menit desimal</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>degrees, minutes and seconds</source>
        <translation>derajat, menit dan detik</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is written in {found}, not in {expected}: choose that format or auto-detect</source>
        <translation>“{part}” ditulis dalam {found}, bukan {expected}: pilih format itu atau deteksi otomatis</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is not a finite number</source>
        <translation>“{part}” bukan bilangan hingga</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{symbol}” in a projected (easting/northing) coordinate</source>
        <translation>“{symbol}” dalam koordinat proyeksi (easting/northing)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>a projected coordinate is two numbers, easting and northing; found {count} in “{part}”</source>
        <translation>koordinat proyeksi terdiri dari dua angka, easting dan northing; ditemukan {count} dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}”: eastings and northings here are never negative; if these are degrees, a decimal point is missing</source>
        <translation>“{part}”: easting dan northing di sini tidak pernah negatif; jika ini derajat, titik desimalnya hilang</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>{crs} is not a supported projected CRS: use EPSG:32750, EPSG:9490 or EPSG:23837</source>
        <translation>{crs} bukan CRS proyeksi yang didukung: gunakan EPSG:32750, EPSG:9490 atau EPSG:23837</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>UTM zone {zone} does not cover Paser: all of Paser is in UTM zone 50 south</source>
        <translation>zona UTM {zone} tidak mencakup Paser: seluruh Paser berada di zona UTM 50 selatan</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is north of the equator: Paser is in zone 50 south (band M or L, “50S”)</source>
        <translation>“{part}” berada di utara khatulistiwa: Paser berada di zona 50 selatan (band M atau L, “50S”)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>the CRS named in “{part}” contradicts the one chosen</source>
        <translation>CRS yang disebut dalam “{part}” bertentangan dengan CRS yang dipilih</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>easting {easting} / northing {northing} is far outside {crs} in Paser (easting {e_min:.0f}–{e_max:.0f}, northing {n_min:.0f}–{n_max:.0f})</source>
        <translation>easting {easting} / northing {northing} jauh di luar {crs} di Paser (easting {e_min:.0f}–{e_max:.0f}, northing {n_min:.0f}–{n_max:.0f})</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” fits none of the supported projections (UTM 50S: northing 9 000 000–10 000 000; TM-3 50.1: northing 1 000 000–1 500 000); if these are degrees, a decimal point is missing</source>
        <translation>“{part}” tidak cocok dengan proyeksi mana pun yang didukung (UTM 50S: northing 9 000 000–10 000 000; TM-3 50.1: northing 1 000 000–1 500 000); jika ini derajat, titik desimalnya hilang</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>read as WGS 84 / UTM zone 50S (EPSG:32750); for SRGI2013 (EPSG:9490) choose that format — the two differ by about 0.2 m here</source>
        <translation>dibaca sebagai WGS 84 / UTM zona 50S (EPSG:32750); untuk SRGI2013 (EPSG:9490) pilih format itu — selisih keduanya sekitar 0,2 m di sini</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>read as northing, easting</source>
        <translation>dibaca sebagai northing, easting</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>unknown coordinate format {format}</source>
        <translation>format koordinat tidak dikenal: {format}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>no coordinates entered</source>
        <translation>belum ada koordinat yang dimasukkan</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>the text is {length} characters long; a coordinate is at most {limit}</source>
        <translation>teks sepanjang {length} karakter; sebuah koordinat paling panjang {limit}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is scientific notation; write the number out</source>
        <translation>“{part}” memakai notasi ilmiah; tulis angkanya secara lengkap</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>no coordinates in “{part}”</source>
        <translation>tidak ada koordinat dalam “{part}”</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>the text names {named} but {chosen} was chosen</source>
        <translation>teks menyebut {named}, tetapi yang dipilih {chosen}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” names a projected CRS but a geographic format was chosen</source>
        <translation>“{part}” menyebut CRS proyeksi, tetapi yang dipilih format geografis</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>no {axis} entered</source>
        <translation>{axis} belum dimasukkan</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>latitude</source>
        <translation>lintang</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>longitude</source>
        <translation>bujur</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” holds more than one value</source>
        <translation>“{part}” berisi lebih dari satu nilai</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py"/>
        <source>“{part}” is a {found}, in the {expected} column</source>
        <translation>“{part}” adalah {found}, di kolom {expected}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>merge cancelled; nothing was written</source>
        <translation>penggabungan dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <location filename="../core/telkom/files.py"/>
        <source>{path} does not exist</source>
        <translation>{path} tidak ada</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path}: choose the returned package folder, its .zip, or its survey.gpkg</source>
        <translation>{path}: pilih folder paket yang kembali, berkas .zip-nya, atau survey.gpkg-nya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} holds no survey.gpkg: choose the folder QField sent back</source>
        <translation>{path} tidak memuat survey.gpkg: pilih folder yang dikirim kembali oleh QField</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} holds several packages ({names}); choose one of them</source>
        <translation>{path} memuat beberapa paket ({names}); pilih salah satunya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>cannot read {path}: {reason}</source>
        <translation>tidak dapat membaca {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} is not a readable zip file ({reason})</source>
        <translation>{path} bukan berkas zip yang dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} holds no survey.gpkg: it is not a returned field package</source>
        <translation>{path} tidak memuat survey.gpkg: ini bukan paket lapangan yang kembali</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} holds several survey.gpkg ({names}); unpack it and choose one</source>
        <translation>{path} memuat beberapa survey.gpkg ({names}); ekstrak dan pilih salah satunya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} is not a readable GeoPackage ({reason})</source>
        <translation>{path} bukan GeoPackage yang dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <location filename="../core/field_package.py"/>
        <source>{path} is not a Paser Smart City field package</source>
        <translation>{path} bukan paket lapangan Paser Smart City</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} changed since the preview; preview the merge again</source>
        <translation>{path} berubah sejak pratinjau; buat pratinjau penggabungan lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} appeared since the preview; preview the merge again</source>
        <translation>{path} muncul sejak pratinjau; buat pratinjau penggabungan lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>the photo {photo} of the package changed while it was merged; preview the merge again</source>
        <translation>foto {photo} dari paket berubah selama digabungkan; buat pratinjau penggabungan lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>cannot copy the photos: {reason}; nothing was written</source>
        <translation>foto tidak dapat disalin: {reason}; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{what}: a value cannot be read ({reason})</source>
        <translation>{what}: sebuah nilai tidak dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{layer}: the package holds a site without uid</source>
        <translation>{layer}: paket memuat lokasi tanpa uid</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{layer} {uid}</source>
        <translation>{layer} {uid}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} is a field package of format {found}, made by a newer plugin; update the plugin to merge it</source>
        <translation>{path} adalah paket lapangan format {found}, dibuat oleh plugin yang lebih baru; perbarui plugin untuk menggabungkannya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} was packaged from a workspace of schema version {found}, newer than this plugin&apos;s ({supported}); update the plugin to merge it</source>
        <translation>{path} dikemas dari ruang kerja dengan versi skema {found}, lebih baru daripada versi plugin ini ({supported}); perbarui plugin untuk menggabungkannya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} says schema version {found}, but field packages exist since version {first}</source>
        <translation>{path} menyebut versi skema {found}, padahal paket lapangan baru ada sejak versi {first}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} has no valid package id ({found}); it was not made by package_for_field or was edited</source>
        <translation>{path} tidak memiliki id paket yang sah ({found}); paket ini tidak dibuat oleh package_for_field atau telah diubah</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path} was packaged from another workspace ({source}), not from {workspace}; merge it into the workspace it came from</source>
        <translation>{path} dikemas dari ruang kerja lain ({source}), bukan dari {workspace}; gabungkan ke ruang kerja asalnya</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path}: the package&apos;s base cannot be read ({reason})</source>
        <translation>{path}: dasar paket tidak dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{path}: the package&apos;s base (the sites as packaged) was changed after packaging — its SHA-256 is not the one recorded — so the surveyor&apos;s changes cannot be told apart; nothing was merged. Merge the folder as QField returned it</source>
        <translation>{path}: dasar paket (lokasi seperti saat dikemas) diubah setelah dikemas — SHA-256-nya tidak sama dengan yang dicatat — sehingga perubahan surveyor tidak dapat dibedakan; tidak ada yang digabungkan. Gabungkan folder seperti yang dikembalikan QField</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>the photo {photo} is named by the site but missing from the package; the site&apos;s photo is set to {target} — copy the photo there from the phone</source>
        <translation>foto {photo} disebut oleh lokasi tetapi tidak ada di paket; foto lokasi diatur ke {target} — salin foto itu ke sana dari ponsel</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>leave out {item}: not a site uid</source>
        <translation>tidak diambil {item}: bukan uid lokasi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>this preview has already been merged; preview the package again</source>
        <translation>pratinjau ini sudah digabungkan; buat pratinjau paket lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <location filename="../core/telkom/importer.py"/>
        <source>the preview was made for {previewed}, not for {path}</source>
        <translation>pratinjau dibuat untuk {previewed}, bukan untuk {path}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>the preview&apos;s package was closed; preview the package again</source>
        <translation>paket pratinjau ini sudah ditutup; buat pratinjau paket lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>nothing was merged: {entries} names no change of the preview (leave out only sites it lists)</source>
        <translation>tidak ada yang digabungkan: {entries} tidak menyebut perubahan apa pun dari pratinjau (hanya lokasi yang tercantum yang dapat tidak diambil)</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>nothing was merged: {layer} {name} ({uid}) cannot be merged ({reason}); leave it out, or correct it in the package and preview again</source>
        <translation>tidak ada yang digabungkan: {layer} {name} ({uid}) tidak dapat digabungkan ({reason}); jangan ambil lokasi itu, atau perbaiki di paket lalu buat pratinjau lagi</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{layer} {uid}: {reason}</source>
        <translation>{layer} {uid}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>the package was merged meanwhile ({at}); nothing more to do</source>
        <translation>paket sudah digabungkan sementara itu ({at}); tidak ada lagi yang perlu dilakukan</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>nothing was merged: the workspace refused a value ({reason})</source>
        <translation>tidak ada yang digabungkan: ruang kerja menolak sebuah nilai ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>nothing was merged: {error}</source>
        <translation>tidak ada yang digabungkan: {error}</translation>
    </message>
    <message>
        <location filename="../core/field_merge.py"/>
        <source>{layer}: site {name} ({uid}) was changed in the workspace since the preview; preview the merge again</source>
        <translation>{layer}: lokasi {name} ({uid}) diubah di ruang kerja sejak pratinjau; buat pratinjau penggabungan lagi</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>the whole regency</source>
        <translation>seluruh kabupaten</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>Kecamatan {names}</source>
        <translation>Kecamatan {names}</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>unknown kecamatan: {unknown}. Kabupaten Paser&apos;s kecamatan are: {valid}</source>
        <translation>kecamatan tidak dikenal: {unknown}. Kecamatan di Kabupaten Paser: {valid}</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>the surveyor&apos;s name is required: new and edited sites are marked with it</source>
        <translation>nama surveyor wajib diisi: lokasi baru dan yang diubah ditandai dengannya</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>the surveyor&apos;s name is longer than 100 characters</source>
        <translation>nama surveyor lebih dari 100 karakter</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>choose a folder (or a .zip file) for the package</source>
        <translation>pilih folder (atau berkas .zip) untuk paket</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>{path} already exists; choose a new folder or file name — a package is never written over (it may hold a surveyor&apos;s work)</source>
        <translation>{path} sudah ada; pilih nama folder atau berkas baru — paket tidak pernah ditimpa (mungkin berisi hasil kerja surveyor)</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <location filename="../core/telkom/export.py"/>
        <location filename="../core/workspace.py"/>
        <source>folder {directory} does not exist</source>
        <translation>folder {directory} tidak ada</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>cannot write {path}: {reason}</source>
        <translation>tidak dapat menulis {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>packaging cancelled; nothing was written</source>
        <translation>pengemasan dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>{layer}: a site cannot be packaged ({reason})</source>
        <translation>{layer}: sebuah lokasi tidak dapat dikemas ({reason})</translation>
    </message>
    <message>
        <location filename="../core/field_package.py"/>
        <source>the package&apos;s base differs from its sites; nothing was written</source>
        <translation>dasar paket berbeda dari lokasinya; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/messages.py"/>
        <source>en</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../core/migrations.py"/>
        <source>the workspace {path} was made by an earlier version of the plugin and must be upgraded, but its backup {backup} could not be written ({reason}); nothing was changed — free some disk space or make the folder writable, then open it again</source>
        <translation>workspace {path} dibuat oleh versi plugin yang lebih lama dan harus ditingkatkan, tetapi cadangannya {backup} tidak dapat ditulis ({reason}); tidak ada yang diubah — kosongkan ruang disk atau jadikan folder dapat ditulisi, lalu buka lagi</translation>
    </message>
    <message>
        <location filename="../core/register.py"/>
        <source>no site with uid {uid} in the workspace</source>
        <translation>tidak ada lokasi dengan UID {uid} di ruang kerja</translation>
    </message>
    <message>
        <location filename="../core/register.py"/>
        <source>no site named “{name}” in the workspace</source>
        <translation>tidak ada lokasi bernama “{name}” di ruang kerja</translation>
    </message>
    <message>
        <location filename="../core/register.py"/>
        <source>{count} sites are named “{name}”: give the uid ({uids})</source>
        <translation>ada {count} lokasi bernama “{name}”: berikan UID-nya ({uids})</translation>
    </message>
    <message>
        <location filename="../core/register.py"/>
        <source>a new service point needs a name</source>
        <translation>titik layanan baru memerlukan nama</translation>
    </message>
    <message>
        <location filename="../core/register.py"/>
        <source>no desa could be suggested for this position: choose one</source>
        <translation>tidak ada desa yang dapat disarankan untuk posisi ini: pilih sendiri</translation>
    </message>
    <message>
        <location filename="../core/rows.py"/>
        <source>{layer}: unknown field {fields}</source>
        <translation>{layer}: kolom tidak dikenal {fields}</translation>
    </message>
    <message>
        <location filename="../core/rows.py"/>
        <source>{layer}: unknown fields {fields}</source>
        <translation>{layer}: kolom tidak dikenal {fields}</translation>
    </message>
    <message>
        <location filename="../core/rows.py"/>
        <source>{layer}: a point geometry is required</source>
        <translation>{layer}: geometri titik wajib ada</translation>
    </message>
    <message>
        <location filename="../core/rows.py"/>
        <source>{layer}: geometry {point!r} is not a (lon, lat) pair</source>
        <translation>{layer}: geometri {point!r} bukan pasangan (bujur, lintang)</translation>
    </message>
    <message>
        <location filename="../core/rows.py"/>
        <source>{layer}: point lon {lon:.6f}, lat {lat:.6f} is outside Kabupaten Paser</source>
        <translation>{layer}: titik bujur {lon:.6f}, lintang {lat:.6f} berada di luar Kabupaten Paser</translation>
    </message>
    <message>
        <location filename="../core/rules.py"/>
        <source>{requirement} (it has {length})</source>
        <translation>{requirement} (panjangnya {length})</translation>
    </message>
    <message>
        <location filename="../core/rules.py"/>
        <source>{requirement} (not {value})</source>
        <translation>{requirement} (bukan {value})</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} has an absolute path; the zip is refused</source>
        <translation>isi zip {name!r} memiliki jalur absolut; zip ditolak</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} points outside the zip folder (..); the zip is refused</source>
        <translation>isi zip {name!r} menunjuk ke luar folder zip (..); zip ditolak</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip holds {count} entries (limit {limit}); it is refused</source>
        <translation>zip berisi {count} entri (batas {limit}); zip ditolak</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} is a symbolic link; the zip is refused</source>
        <translation>isi zip {name!r} adalah tautan simbolik; zip ditolak</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} is encrypted; send it without a password</source>
        <translation>isi zip {name!r} dienkripsi; kirimkan tanpa kata sandi</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip unpacks to more than {mb} MB; it is refused (a zip bomb, or far more than such an exchange needs)</source>
        <translation>zip terurai menjadi lebih dari {mb} MB; ditolak (bom zip, atau jauh melebihi kebutuhan pertukaran seperti ini)</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} is compressed {ratio}:1 (limit {limit}:1); the zip is refused as a possible zip bomb</source>
        <translation>isi zip {name!r} dikompresi {ratio}:1 (batas {limit}:1); zip ditolak karena mungkin bom zip</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} unpacks to more than it declares; the zip is refused</source>
        <translation>isi zip {name!r} terurai lebih besar dari yang dinyatakan; zip ditolak</translation>
    </message>
    <message>
        <location filename="../core/safe_zip.py"/>
        <source>the zip entry {name!r} is damaged ({error})</source>
        <translation>isi zip {name!r} rusak ({error})</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>no “nama”/“name” or “uid” column: rows cannot be matched to sites</source>
        <translation>tidak ada kolom “nama”/“name” atau “uid”: baris tidak dapat dicocokkan dengan lokasi</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>{path} has more than {limit} rows</source>
        <translation>{path} berisi lebih dari {limit} baris</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>sheet “{sheet}” was read, and sheet {found} of this file has coordinate columns: choose it with the parameter “XLSX sheet” (SHEET)</source>
        <translation>lembar “{sheet}” yang dibaca, dan lembar {found} di berkas ini berisi kolom koordinat: pilih lembar itu dengan parameter “Lembar XLSX” (SHEET)</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>sheet “{sheet}” was read; the file also has the sheets {sheets}: choose one with “XLSX sheet” (SHEET)</source>
        <translation>lembar “{sheet}” yang dibaca; berkas ini juga berisi lembar {sheets}: pilih salah satu dengan “Lembar XLSX” (SHEET)</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>sheet “{sheet}” of {path} is empty</source>
        <translation>lembar “{sheet}” di {path} kosong</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is empty</source>
        <translation>{path} kosong</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>no coordinate column found in the headers ({headers}): name one column “koordinat” or two columns “lintang” and “bujur” (or easting/northing)</source>
        <translation>tidak ditemukan kolom koordinat di judul kolom ({headers}): beri nama satu kolom “koordinat” atau dua kolom “lintang” dan “bujur” (atau easting/northing)</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>desa “{desa}” is not a desa/kelurahan of Kabupaten Paser</source>
        <translation>desa “{desa}” bukan desa/kelurahan di Kabupaten Paser</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>desa “{desa}” is ambiguous ({choices}): give the kecamatan or the code</source>
        <translation>desa “{desa}” ambigu ({choices}): sebutkan kecamatan atau kodenya</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>accuracy “{value}” is not a number</source>
        <translation>akurasi “{value}” bukan angka</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>survey date “{value}” is not a date (use 2026-11-27 or 27/11/2026)</source>
        <translation>tanggal survei “{value}” bukan tanggal (gunakan 2026-11-27 atau 27/11/2026)</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>no coordinates in this row</source>
        <translation>tidak ada koordinat di baris ini</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>the row has {cells} cells but the header {columns}: a decimal comma in a comma-separated file? Save it with “;” as separator or quote the numbers</source>
        <translation>baris ini memiliki {cells} sel, sedangkan judul kolom {columns}: koma desimal dalam berkas yang dipisahkan koma? Simpan dengan pemisah “;” atau beri tanda kutip pada angkanya</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>this site was already given coordinates in row {row}</source>
        <translation>lokasi ini sudah diberi koordinat di baris {row}</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>warnings: import with FORCE to accept them</source>
        <translation>peringatan: impor dengan FORCE untuk menerimanya</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>rows {rows} name the same new site and were left out</source>
        <translation>baris {rows} menyebut lokasi baru yang sama dan tidak dipakai</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>not written: another row was rejected and ALL_OR_NOTHING is set</source>
        <translation>tidak ditulis: ada baris lain yang ditolak dan ALL_OR_NOTHING diaktifkan</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <location filename="../core/telkom/importer.py"/>
        <source>import cancelled; nothing was written</source>
        <translation>impor dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>row {row} already makes “{name}” a new site in the same desa (or within {limit} m): a site takes its coordinates from one row</source>
        <translation>baris {row} sudah menjadikan “{name}” lokasi baru di desa yang sama (atau dalam {limit} m): satu lokasi mendapat koordinat dari satu baris</translation>
    </message>
    <message>
        <location filename="../core/site_import.py"/>
        <source>row {row} also makes a new site named “{name}”, in {desa}: two sites will have this name, and later rows and imports can name them only by uid</source>
        <translation>baris {row} juga membuat lokasi baru bernama “{name}”, di {desa}: akan ada dua lokasi dengan nama ini, dan baris serta impor berikutnya hanya dapat menyebutnya dengan uid</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>file {path} does not exist</source>
        <translation>berkas {path} tidak ada</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is {size} MB: the import reads spreadsheets of up to {limit} MB</source>
        <translation>{path} berukuran {size} MB: impor membaca tabel paling besar {limit} MB</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: only CSV and XLSX spreadsheets can be imported</source>
        <translation>{path}: hanya tabel CSV dan XLSX yang dapat diimpor</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is an XLSX (zip) file, not CSV text: give it the extension .xlsx</source>
        <translation>{path} adalah berkas XLSX (zip), bukan teks CSV: beri ekstensi .xlsx</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is not a CSV text file: it holds zero bytes (a binary file?)</source>
        <translation>{path} bukan berkas teks CSV: berisi bita nol (berkas biner?)</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is neither UTF-8 nor Windows-1252 text (byte 0x{byte:02X} in line {line}, byte {offset}): save it from the spreadsheet as “CSV UTF-8” and import that file</source>
        <translation>{path} bukan teks UTF-8 maupun Windows-1252 (bita 0x{byte:02X} di baris {line}, bita ke-{offset}): simpan dari program tabel sebagai “CSV UTF-8” lalu impor berkas itu</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} is not valid {encoding} text (byte 0x{byte:02X} in line {line}, byte {offset})</source>
        <translation>{path} bukan teks {encoding} yang sah (bita 0x{byte:02X} di baris {line}, bita ke-{offset})</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: line {line} is longer than {limit} characters: this is not a table of sites</source>
        <translation>{path}: baris {line} lebih panjang dari {limit} karakter: ini bukan tabel lokasi</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: line {line} cannot be read as CSV ({error}): an unclosed quote?</source>
        <translation>{path}: baris {line} tidak dapat dibaca sebagai CSV ({error}): ada tanda kutip yang tidak ditutup?</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} has more than {limit} lines</source>
        <translation>{path} berisi lebih dari {limit} baris teks</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} cannot be read as XLSX: {error}</source>
        <translation>{path} tidak dapat dibaca sebagai XLSX: {error}</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: the part {part} unpacks to {size} MB (at most {limit} MB are read): a damaged or hostile file</source>
        <translation>{path}: bagian {part} terurai menjadi {size} MB (paling banyak {limit} MB yang dibaca): berkas rusak atau berbahaya</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>it has no workbook part ({part})</source>
        <translation>tidak ada bagian buku kerja ({part})</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>it has no worksheet</source>
        <translation>tidak ada lembar kerja</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path} has no sheet “{sheet}” (sheets: {sheets})</source>
        <translation>{path} tidak memiliki lembar “{sheet}” (lembar yang ada: {sheets})</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: a cell of {part} is longer than {limit} characters (Excel&apos;s own limit): a damaged or hostile file</source>
        <translation>{path}: sebuah sel di {part} lebih panjang dari {limit} karakter (batas Excel sendiri): berkas rusak atau berbahaya</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>it has no part {part}</source>
        <translation>tidak ada bagian {part}</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>{path}: sheet “{sheet}” has more than {limit} cells and rows (empty ones included): copy the table alone to a new file and import that</source>
        <translation>{path}: lembar “{sheet}” berisi lebih dari {limit} sel dan baris (termasuk yang kosong): salin tabelnya saja ke berkas baru lalu impor berkas itu</translation>
    </message>
    <message>
        <location filename="../core/spreadsheet.py"/>
        <source>a cell refers to shared string {index}, which does not exist</source>
        <translation>sebuah sel merujuk ke teks bersama {index}, yang tidak ada</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the central server URL {url!r} is not an http(s) URL of an OGC API landing page</source>
        <translation>URL server pusat {url!r} bukan URL http(s) halaman awal OGC API</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>sync cancelled; the workspace is unchanged</source>
        <translation>sinkronisasi dibatalkan; ruang kerja tidak berubah</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>retrying {attempt}/{attempts}</source>
        <translation>mencoba lagi {attempt}/{attempts}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>no answer from {host} within {seconds:g} s</source>
        <translation>tidak ada jawaban dari {host} dalam {seconds:g} dtk</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the answer of {host} to {method} {path} was cut off</source>
        <translation>jawaban {host} atas {method} {path} terpotong</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>cannot reach {host}: {reason}</source>
        <translation>tidak dapat menjangkau {host}: {reason}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{method} {path} failed: {reason}</source>
        <translation>{method} {path} gagal: {reason}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{host} answered HTTP {status} to {method} {path}{detail}</source>
        <translation>{host} menjawab HTTP {status} atas {method} {path}{detail}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the answer of {host} to {method} {path} was cut off ({received} of {expected} bytes)</source>
        <translation>jawaban {host} atas {method} {path} terpotong ({received} dari {expected} bita)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{problem} (tried {attempts} time)</source>
        <translation>{problem} (dicoba {attempts} kali)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{problem} (tried {attempts} times)</source>
        <translation>{problem} (dicoba {attempts} kali)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>refused the credentials</source>
        <translation>menolak kredensial</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>denied access</source>
        <translation>menolak akses</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the central server {what} (HTTP {status}): check the QGIS authentication configuration {label} (Settings &gt; Options &gt; Authentication)</source>
        <translation>server pusat {what} (HTTP {status}): periksa konfigurasi autentikasi QGIS {label} (Pengaturan &gt; Opsi &gt; Autentikasi)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the central server {what} (HTTP {status}) and no QGIS authentication configuration is set for it: choose one in the sync settings</source>
        <translation>server pusat {what} (HTTP {status}) dan belum ada konfigurasi autentikasi QGIS untuknya: pilih satu di pengaturan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{host} answered {method} {path} with an HTML page (HTTP {status}), not JSON: is the URL the landing page of an OGC API – Features service, and is no proxy or login page in between?</source>
        <translation>{host} menjawab {method} {path} dengan halaman HTML (HTTP {status}), bukan JSON: apakah URL-nya halaman awal layanan OGC API – Features, dan tidak ada proksi atau halaman login di antaranya?</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{path} not found on {host} (HTTP 404)</source>
        <translation>{path} tidak ditemukan di {host} (HTTP 404)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{url}/conformance has no conformsTo list: not an OGC API – Features server</source>
        <translation>{url}/conformance tidak memiliki daftar conformsTo: bukan server OGC API – Features</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{url} does not declare OGC API – Features Part 1 (core) in /conformance</source>
        <translation>{url} tidak menyatakan OGC API – Features Part 1 (core) di /conformance</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{url}/collections has no collections list</source>
        <translation>{url}/collections tidak memiliki daftar koleksi</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{path} did not answer with a GeoJSON FeatureCollection</source>
        <translation>{path} tidak menjawab dengan FeatureCollection GeoJSON</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{collection}: the server&apos;s datetime filter is not proven to select on updated_at</source>
        <translation>{collection}: filter datetime server belum terbukti memilih berdasarkan updated_at</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{collection}: the server refuses its own offset pages and its datetime filter does not select on updated_at, so the features cannot be paged ({problem}); configure the server&apos;s datetime column to updated_at</source>
        <translation>{collection}: server menolak halaman offset miliknya sendiri dan filter datetime-nya tidak memilih berdasarkan updated_at, sehingga fitur tidak dapat diambil per halaman ({problem}); atur kolom datetime server ke updated_at</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{collection}: more than {limit} sites changed within one second and the server refuses to page them: raise its page limit</source>
        <translation>{collection}: lebih dari {limit} lokasi berubah dalam satu detik dan server menolak membaginya per halaman: naikkan batas halamannya</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{path}: the server&apos;s paging goes round in circles (the same page came back twice)</source>
        <translation>{path}: pembagian halaman server berputar-putar (halaman yang sama kembali dua kali)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{host} refused {method} {path} (HTTP {status}){detail}</source>
        <translation>{host} menolak {method} {path} (HTTP {status}){detail}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{path} did not answer with a GeoJSON feature</source>
        <translation>{path} tidak menjawab dengan fitur GeoJSON</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the answer to GET {path} is malformed or truncated JSON ({error})</source>
        <translation>jawaban atas GET {path} berupa JSON yang rusak atau terpotong ({error})</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>connection refused</source>
        <translation>koneksi ditolak</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the server dropped the connection</source>
        <translation>server memutus koneksi</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>unknown server name</source>
        <translation>nama server tidak dikenal</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>server name lookup failed (no DNS?)</source>
        <translation>pencarian nama server gagal (tidak ada DNS?)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>network unreachable</source>
        <translation>jaringan tidak terjangkau</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>no route to the server</source>
        <translation>tidak ada rute ke server</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>timed out</source>
        <translation>waktu habis</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} was refused: the server&apos;s certificate is self-signed, so nobody vouches for it. Ask the server&apos;s administrator for a certificate from a recognised authority, or have this computer trust the regency&apos;s own certificate authority (install it in the system&apos;s certificate store)</source>
        <translation>koneksi aman ke {host} ditolak: sertifikat server ditandatangani sendiri, jadi tidak ada pihak yang menjaminnya. Mintalah kepada administrator server sertifikat dari otoritas yang diakui, atau buat komputer ini memercayai otoritas sertifikat milik kabupaten (pasang di penyimpanan sertifikat sistem)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} was refused: the server&apos;s certificate was issued by an authority this computer does not know. Have this computer trust that authority (install its certificate in the system&apos;s certificate store), or ask the server&apos;s administrator to send the whole certificate chain</source>
        <translation>koneksi aman ke {host} ditolak: sertifikat server diterbitkan oleh otoritas yang tidak dikenal komputer ini. Buat komputer ini memercayai otoritas tersebut (pasang sertifikatnya di penyimpanan sertifikat sistem), atau minta administrator server mengirim seluruh rantai sertifikat</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} was refused: the server&apos;s certificate has expired. Ask the server&apos;s administrator to renew it (and check this computer&apos;s date and time)</source>
        <translation>koneksi aman ke {host} ditolak: sertifikat server sudah kedaluwarsa. Minta administrator server memperbaruinya (dan periksa tanggal serta jam komputer ini)</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} was refused: the server&apos;s certificate is not valid yet. Check this computer&apos;s date and time</source>
        <translation>koneksi aman ke {host} ditolak: sertifikat server belum berlaku. Periksa tanggal dan jam komputer ini</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} was refused: the server&apos;s certificate is made out to another name. Use the address written in the certificate, or ask the server&apos;s administrator for a certificate that names {host}</source>
        <translation>koneksi aman ke {host} ditolak: sertifikat server dibuat untuk nama lain. Gunakan alamat yang tertulis di sertifikat, atau minta administrator server sertifikat yang menyebut {host}</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>the secure connection to {host} failed: the server&apos;s certificate could not be verified or the server does not speak TLS. Check the address (https:// or http://) and ask the server&apos;s administrator to check its certificate</source>
        <translation>koneksi aman ke {host} gagal: sertifikat server tidak dapat diverifikasi atau server tidak memakai TLS. Periksa alamatnya (https:// atau http://) dan minta administrator server memeriksa sertifikatnya</translation>
    </message>
    <message>
        <location filename="../core/sync/client.py"/>
        <source>{host} refused GET {path} (HTTP {status}){detail}</source>
        <translation>{host} menolak GET {path} (HTTP {status}){detail}</translation>
    </message>
    <message>
        <location filename="../core/sync/conflicts.py"/>
        <source>{layer} {uid}: no open conflict on {field}</source>
        <translation>{layer} {uid}: tidak ada konflik terbuka pada {field}</translation>
    </message>
    <message>
        <location filename="../core/sync/conflicts.py"/>
        <source>{layer} {uid}: the site is no longer in the workspace</source>
        <translation>{layer} {uid}: lokasi ini sudah tidak ada di ruang kerja</translation>
    </message>
    <message>
        <location filename="../core/sync/discovery.py"/>
        <source>the server at {url} has no collection {collection} (named for {layer} in the sync settings); it serves: {collections}</source>
        <translation>server di {url} tidak memiliki koleksi {collection} (disebut untuk {layer} di pengaturan sinkronisasi); koleksi yang tersedia: {collections}</translation>
    </message>
    <message>
        <location filename="../core/sync/discovery.py"/>
        <source>the server at {url} has no collection {layer} and its list of collections cannot be read ({problem}): name the collection to use in the sync settings</source>
        <translation>server di {url} tidak memiliki koleksi {layer} dan daftar koleksinya tidak dapat dibaca ({problem}): sebutkan koleksi yang dipakai di pengaturan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../core/sync/discovery.py"/>
        <source>the server at {url} has several collections that could hold {layer}: {candidates}. Name the one to use in the sync settings</source>
        <translation>server di {url} memiliki beberapa koleksi yang mungkin memuat {layer}: {candidates}. Sebutkan koleksi yang dipakai di pengaturan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../core/sync/discovery.py"/>
        <source>the server at {url} has no collection for {layer}; it serves: {collections}. Publish the central tables (see central/) or name the collection to use in the sync settings</source>
        <translation>server di {url} tidak memiliki koleksi untuk {layer}; koleksi yang tersedia: {collections}. Terbitkan tabel pusat (lihat central/) atau sebutkan koleksi yang dipakai di pengaturan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../core/sync/discovery.py"/>
        <source>both layers would sync with the server&apos;s collection {collection}: name a collection for each</source>
        <translation>kedua lapisan akan disinkronkan dengan koleksi server yang sama, {collection}: sebutkan koleksi untuk masing-masing</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>{layer}: the server sent a feature without properties</source>
        <translation>{layer}: server mengirim fitur tanpa atribut</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>{layer}: feature {id!r} from the server has no uid</source>
        <translation>{layer}: fitur {id!r} dari server tidak memiliki uid</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>{layer} {uid}: the server&apos;s geometry is not a point</source>
        <translation>{layer} {uid}: geometri dari server bukan titik</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>{layer} {uid}: a value from the server cannot be read ({error})</source>
        <translation>{layer} {uid}: sebuah nilai dari server tidak dapat dibaca ({error})</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>{layer} {uid}: the server sent no updated_at; the central tables must maintain it (see central/schema.sql)</source>
        <translation>{layer} {uid}: server tidak mengirim updated_at; tabel pusat harus mengisinya (lihat central/schema.sql)</translation>
    </message>
    <message>
        <location filename="../core/sync/features.py"/>
        <source>central site {uid}: {problem}</source>
        <translation>lokasi pusat {uid}: {problem}</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>site {uid} kept changing while it was checked</source>
        <translation>lokasi {uid} terus berubah selama diperiksa</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>for the window {window} it sent site {uid} changed at {time}</source>
        <translation>untuk jendela {window} server mengirim lokasi {uid} yang diubah pada {time}</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>it refuses a datetime window ({problem})</source>
        <translation>server menolak jendela datetime ({problem})</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>the reference site has no readable updated_at</source>
        <translation>lokasi acuan tidak memiliki updated_at yang terbaca</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>it ignores the uid filter and holds too many sites around {time}</source>
        <translation>server mengabaikan filter uid dan memuat terlalu banyak lokasi di sekitar {time}</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>site {uid} is no longer on the server</source>
        <translation>lokasi {uid} sudah tidak ada di server</translation>
    </message>
    <message>
        <location filename="../core/sync/proof.py"/>
        <source>site {uid}, changed at {time}, is missing from the window {window}</source>
        <translation>lokasi {uid}, diubah pada {time}, tidak ada di jendela {window}</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>applying central changes</source>
        <translation>menerapkan perubahan dari pusat</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>{layer}: the collection {collection} holds sites, but the server sent none to the pull; nothing was applied. Check the server&apos;s configuration (a filter or page limit that hides its features)</source>
        <translation>{layer}: koleksi {collection} memuat lokasi, tetapi server tidak mengirim satu pun saat pengambilan; tidak ada yang diterapkan. Periksa konfigurasi server (filter atau batas halaman yang menyembunyikan fiturnya)</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>{layer}: the server&apos;s datetime filter (collection {collection}) is not shown to select on updated_at — {reason}. Every sync compares all sites with the central database instead: slower, nothing is missed. Configure the server&apos;s datetime column to updated_at (README: what a central must provide)</source>
        <translation>{layer}: filter datetime server (koleksi {collection}) tidak terbukti memilih berdasarkan updated_at — {reason}. Setiap sinkronisasi membandingkan semua lokasi dengan basis data pusat sebagai gantinya: lebih lambat, tidak ada yang terlewat. Atur kolom datetime server ke updated_at (README: apa yang harus disediakan server pusat)</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>{layer}: the central server&apos;s clock ({now}) is behind the last sync ({watermark}): its clock was set back. Every site was checked again; ask the server&apos;s administrator to correct the clock</source>
        <translation>{layer}: jam server pusat ({now}) lebih awal daripada sinkronisasi terakhir ({watermark}): jamnya dimundurkan. Semua lokasi diperiksa ulang; minta administrator server membetulkan jamnya</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>the changes since {start} lack site {uid}, changed at {time}</source>
        <translation>perubahan sejak {start} tidak memuat lokasi {uid}, yang diubah pada {time}</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>{layer}: site {uid} now carries a change time ({time}) before the last sync: a clock or a writer at the central set it back. Every site was checked again; ask the server&apos;s administrator to check the clock</source>
        <translation>{layer}: lokasi {uid} kini memiliki waktu perubahan ({time}) sebelum sinkronisasi terakhir: jam atau penulis di server pusat memundurkannya. Setiap lokasi diperiksa ulang; minta administrator server memeriksa jamnya</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>pulling {layer}… {count} sites received</source>
        <translation>mengambil {layer}… {count} lokasi diterima</translation>
    </message>
    <message>
        <location filename="../core/sync/pull.py"/>
        <source>{layer}: {count} sites carry a change time in the future of the central server&apos;s clock (up to {latest}); they were pulled, and the next syncs check them again. Ask the server&apos;s administrator to correct the clock</source>
        <translation>{layer}: {count} lokasi memiliki waktu perubahan di masa depan menurut jam server pusat (hingga {latest}); lokasi tersebut sudah diambil, dan sinkronisasi berikutnya memeriksanya lagi. Minta administrator server membetulkan jamnya</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>sending {layer} {number}/{total}</source>
        <translation>mengirim {layer} {number}/{total}</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid}: the server holds {count} copies of the site</source>
        <translation>{layer} {uid}: server menyimpan {count} salinan lokasi ini</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid} ({name}): the server refused the change {attempts} times ({reason}); it stays in the workspace and goes out with the next sync</source>
        <translation>{layer} {uid} ({name}): server menolak perubahan ini {attempts} kali ({reason}); perubahan tetap di ruang kerja dan dikirim pada sinkronisasi berikutnya</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid} ({name}): the server did not delete the site</source>
        <translation>{layer} {uid} ({name}): server tidak menghapus lokasi ini</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid}: the server does not hold the site after the push</source>
        <translation>{layer} {uid}: server tidak menyimpan lokasi ini setelah pengiriman</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid} ({name}): the server keeps the site deleted; ask the central administrator to restore it</source>
        <translation>{layer} {uid} ({name}): server tetap menganggap lokasi ini terhapus; minta administrator pusat untuk memulihkannya</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>{layer} {uid} ({name}): the server did not store {values}; the change stays in the workspace</source>
        <translation>{layer} {uid} ({name}): server tidak menyimpan {values}; perubahan tetap di ruang kerja</translation>
    </message>
    <message>
        <location filename="../core/sync/push.py"/>
        <source>the central server cannot refuse a stale write (its sites carry no version and it sends no ETag), so local edits of existing sites were not sent: they could overwrite a colleague&apos;s. Upgrade the central database (central/upgrade.py, see the README); the edits stay in the workspace until then</source>
        <translation>server pusat tidak dapat menolak penulisan yang sudah usang (lokasinya tidak membawa versi dan server tidak mengirim ETag), sehingga suntingan lokal atas lokasi yang sudah ada tidak dikirim: suntingan itu bisa menimpa suntingan rekan. Tingkatkan basis data pusat (central/upgrade.py, lihat README); suntingan tetap di ruang kerja sampai saat itu</translation>
    </message>
    <message>
        <location filename="../core/sync/run.py"/>
        <source>checking the server</source>
        <translation>memeriksa server</translation>
    </message>
    <message>
        <location filename="../core/sync/run.py"/>
        <source>the server offers no OGC API – Features Part 4 (create, replace, delete): pulled only, local edits stay in the workspace until it does</source>
        <translation>server tidak menyediakan OGC API – Features Part 4 (membuat, mengganti, menghapus): hanya mengambil data, suntingan lokal tetap di ruang kerja sampai server mendukungnya</translation>
    </message>
    <message>
        <location filename="../core/sync/run.py"/>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>EPSG:4326 — WGS 84, longitude/latitude</source>
        <translation>EPSG:4326 — WGS 84, bujur/lintang</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>EPSG:32750 — WGS 84 / UTM zone 50S</source>
        <translation>EPSG:32750 — WGS 84 / UTM zona 50S</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>EPSG:9490 — SRGI2013 / UTM zone 50S</source>
        <translation>EPSG:9490 — SRGI2013 / UTM zona 50S</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>export cancelled; nothing was written</source>
        <translation>ekspor dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>{path}: the Telkom package is a zip; its name must end in .zip</source>
        <translation>{path}: paket Telkom berupa zip; namanya harus berakhiran .zip</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <source>choose layers among {layers}</source>
        <translation>pilih lapisan di antara {layers}</translation>
    </message>
    <message>
        <location filename="../core/telkom/export.py"/>
        <location filename="../core/telkom/importer.py"/>
        <source>{crs} is not a coordinate reference system ({error})</source>
        <translation>{crs} bukan sistem referensi koordinat ({error})</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>{name}: choose a .zip or a .shp file</source>
        <translation>{name}: pilih berkas .zip atau .shp</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>{name} is not a readable zip file ({error})</source>
        <translation>{name} bukan berkas zip yang dapat dibaca ({error})</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>{name} holds no shapefile (.shp with .shx and .dbf)</source>
        <translation>{name} tidak berisi shapefile (.shp dengan .shx dan .dbf)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>the zip has no single shapefile named {member!r}; it holds: {names}</source>
        <translation>zip tidak berisi tepat satu shapefile bernama {member!r}; isinya: {names}</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>the zip holds several shapefiles ({names}); choose the one to import</source>
        <translation>zip berisi beberapa shapefile ({names}); pilih yang akan diimpor</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the {parts} part is missing (a shapefile needs .shp, .shx and .dbf)</source>
        <translation>shapefile {name}: bagian {parts} tidak ada (shapefile memerlukan .shp, .shx dan .dbf)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: .shp and .shx disagree; the file is damaged</source>
        <translation>shapefile {name}: .shp dan .shx tidak sesuai; berkas rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name} holds {kind} geometries; only points can be imported</source>
        <translation>shapefile {name} berisi geometri {kind}; hanya titik yang dapat diimpor</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the .shx index is damaged</source>
        <translation>shapefile {name}: indeks .shx rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: .dbf has {count} record but .shx indexes {indexed}; the file is damaged</source>
        <translation>shapefile {name}: .dbf berisi {count} rekaman, tetapi .shx mengindeks {indexed}; berkas rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: .dbf has {count} records but .shx indexes {indexed}; the file is damaged</source>
        <translation>shapefile {name}: .dbf berisi {count} rekaman, tetapi .shx mengindeks {indexed}; berkas rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the {ext} part is damaged (too short)</source>
        <translation>shapefile {name}: bagian {ext} rusak (terlalu pendek)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the {ext} part is not a shapefile or is damaged</source>
        <translation>shapefile {name}: bagian {ext} bukan shapefile atau rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the {ext} part is damaged (its length does not match its header)</source>
        <translation>shapefile {name}: bagian {ext} rusak (panjangnya tidak sesuai dengan header)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the .dbf part is damaged (too short)</source>
        <translation>shapefile {name}: bagian .dbf rusak (terlalu pendek)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the .dbf part is damaged (its records do not fit the file)</source>
        <translation>shapefile {name}: bagian .dbf rusak (rekamannya tidak muat di berkas)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the .dbf part is damaged (its records are not DBF records)</source>
        <translation>shapefile {name}: bagian .dbf rusak (rekamannya bukan rekaman DBF)</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>{name}: the .cpg says UTF-8 but the text is not UTF-8; read as {encoding} — check accented names in the preview</source>
        <translation>{name}: .cpg menyatakan UTF-8, tetapi teksnya bukan UTF-8; dibaca sebagai {encoding} — periksa nama beraksen di pratinjau</translation>
    </message>
    <message>
        <location filename="../core/telkom/files.py"/>
        <source>shapefile {name}: the .cpg names an unknown encoding {encoding!r}</source>
        <translation>shapefile {name}: .cpg menyebut pengodean yang tidak dikenal {encoding!r}</translation>
    </message>
    <message>
        <location filename="../core/telkom/geopandas_io.py"/>
        <source>The Telkom exchange needs the Python package geopandas with pyogrio (or fiona) in the Python that QGIS uses. Debian/Ubuntu: apt install python3-geopandas; Windows (OSGeo4W Shell) or macOS: python -m pip install geopandas pyogrio. The rest of the plugin works without it.</source>
        <translation>Pertukaran data Telkom memerlukan paket Python geopandas dengan pyogrio (atau fiona) di Python yang dipakai QGIS. Debian/Ubuntu: apt install python3-geopandas; Windows (OSGeo4W Shell) atau macOS: python -m pip install geopandas pyogrio. Bagian lain plugin tetap berfungsi tanpanya.</translation>
    </message>
    <message>
        <location filename="../core/telkom/geopandas_io.py"/>
        <source>{hint} ({error})</source>
        <translation>{hint} ({error})</translation>
    </message>
    <message>
        <location filename="../core/telkom/geopandas_io.py"/>
        <source>unknown shapefile engine {name!r}; use pyogrio or fiona</source>
        <translation>mesin shapefile {name!r} tidak dikenal; gunakan pyogrio atau fiona</translation>
    </message>
    <message>
        <location filename="../core/telkom/geopandas_io.py"/>
        <source>{hint} (neither {engines} can be imported)</source>
        <translation>{hint} ({engines} tidak dapat diimpor)</translation>
    </message>
    <message>
        <location filename="../core/telkom/geopandas_io.py"/>
        <source>the shapefile cannot be read ({kind}: {error})</source>
        <translation>shapefile tidak dapat dibaca ({kind}: {error})</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>leave out {item}: the range is too long</source>
        <translation>lewati {item}: rentangnya terlalu panjang</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>leave out {item}: not a site uid, a row number (12) or a range of rows (40-45)</source>
        <translation>lewati {item}: bukan uid situs, nomor baris (12) atau rentang baris (40-45)</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>unknown layer {layer!r}; expected {first} or {second}</source>
        <translation>lapisan {layer!r} tidak dikenal; seharusnya {first} atau {second}</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>the match distance must be zero or more metres</source>
        <translation>jarak pencocokan harus nol meter atau lebih</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>the distance for a move warning must be zero or more metres</source>
        <translation>jarak untuk peringatan perpindahan harus nol meter atau lebih</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>several shapefiles target the same layer; choose the one to import</source>
        <translation>beberapa shapefile ditujukan ke lapisan yang sama; pilih yang akan diimpor</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>cannot tell whether shapefile {name} holds service points or tower plans; choose the layer</source>
        <translation>tidak dapat ditentukan apakah shapefile {name} berisi titik layanan atau rencana menara; pilih lapisannya</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>column {column} ignored: {field} is already in the file</source>
        <translation>kolom {column} diabaikan: {field} sudah ada di berkas</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>columns {first} and {second} both mean {field}; rename or remove one</source>
        <translation>kolom {first} dan {second} sama-sama berarti {field}; ganti nama atau hapus salah satunya</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>shapefile {name} has no .prj: say which coordinate reference system it uses (e.g. EPSG:32750 UTM 50S, EPSG:9490 SRGI2013 UTM 50S, EPSG:23837 DGN95 TM-3 50.1, EPSG:4326 geographic)</source>
        <translation>shapefile {name} tidak memiliki .prj: sebutkan sistem referensi koordinat yang dipakainya (mis. EPSG:32750 UTM 50S, EPSG:9490 SRGI2013 UTM 50S, EPSG:23837 DGN95 TM-3 50.1, EPSG:4326 geografis)</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>shapefile {name}: its .prj cannot be understood</source>
        <translation>shapefile {name}: .prj-nya tidak dapat dipahami</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{name} has a .prj ({prj}); the chosen CRS {crs} was not used</source>
        <translation>{name} memiliki .prj ({prj}); CRS pilihan {crs} tidak dipakai</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>shapefile {name}: the reader returned no column {columns}; the .dbf may be damaged</source>
        <translation>shapefile {name}: pembaca tidak mengembalikan kolom {columns}; .dbf mungkin rusak</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{field} {site_id} is held by several sites: {names}</source>
        <translation>{field} {site_id} dimiliki beberapa lokasi: {names}</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{field}: “{uid}” is not a UUID</source>
        <translation>{field}: “{uid}” bukan UUID</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{field} {key} appears in rows {rows}</source>
        <translation>{field} {key} muncul di baris {rows}</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>matches the same site ({name}) as row {row}</source>
        <translation>cocok dengan lokasi yang sama ({name}) seperti baris {row}</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <location filename="../gui/telkom.py"/>
        <source>proximity</source>
        <translation>kedekatan</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>UID {uid} is unknown; matched by {how} to {site}, whose UID is kept</source>
        <translation>UID {uid} tidak dikenal; dicocokkan melalui {how} dengan {site}, yang UID-nya dipertahankan</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>the row has no geometry; the site keeps its coordinates</source>
        <translation>baris ini tidak memiliki geometri; lokasi tetap memakai koordinatnya</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>moved {distance} m, farther than {limit} m: is it the same site? (setting: move warning)</source>
        <translation>berpindah {distance} m, lebih jauh dari {limit} m: apakah ini situs yang sama? (pengaturan: peringatan perpindahan)</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>moved {distance:.1f} m</source>
        <translation>berpindah {distance:.1f} m</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>no coordinates, and no UID or SITE_ID of a known site to attach the row to</source>
        <translation>tidak ada koordinat, dan tidak ada UID atau SITE_ID lokasi yang dikenal untuk mengaitkan baris ini</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{field} missing, and no desa holds the position: give it</source>
        <translation>{field} tidak ada, dan tidak ada desa yang memuat posisi ini: isikan kodenya</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{field} missing: {desa} is the position&apos;s desa — check it</source>
        <translation>{field} tidak ada: {desa} adalah desa posisi ini — periksa</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>nothing was imported: {entries} names no change of the preview (leave out only uids or rows it lists)</source>
        <translation>tidak ada yang diimpor: {entries} tidak menunjuk perubahan mana pun dalam pratinjau (lewati hanya uid atau baris yang tercantum di sana)</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>this preview has already been applied; preview the file again</source>
        <translation>pratinjau ini sudah diterapkan; buat pratinjau berkas itu lagi</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{layer}: site {name} ({uid}) was deleted since the preview; preview the import again</source>
        <translation>{layer}: lokasi {name} ({uid}) dihapus setelah pratinjau; buat pratinjau impor lagi</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>{layer}: site {name} ({uid}) was edited since the preview; preview the import again</source>
        <translation>{layer}: lokasi {name} ({uid}) disunting setelah pratinjau; buat pratinjau impor lagi</translation>
    </message>
    <message>
        <location filename="../core/telkom/importer.py"/>
        <source>nothing was imported: {error}</source>
        <translation>tidak ada yang diimpor: {error}</translation>
    </message>
    <message>
        <location filename="../core/telkom/mapping.py"/>
        <source>column alias {alias!r} is not of the form NAME=ALIAS1,ALIAS2</source>
        <translation>alias kolom {alias!r} tidak berbentuk NAMA=ALIAS1,ALIAS2</translation>
    </message>
    <message>
        <location filename="../core/telkom/mapping.py"/>
        <source>column alias {alias!r}: no such field; use one of {fields}</source>
        <translation>alias kolom {alias!r}: kolom itu tidak ada; gunakan salah satu dari {fields}</translation>
    </message>
    <message>
        <location filename="../core/telkom/mapping.py"/>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <location filename="../core/timestamps.py"/>
        <source>“{value}” is not a date/time (use ISO 8601, e.g. 2022-08-17T09:30:00Z)</source>
        <translation>“{value}” bukan tanggal/waktu (gunakan ISO 8601, mis. 2022-08-17T09:30:00Z)</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>{path} already exists and is not a Paser Smart City workspace; choose another file name — it will not be overwritten</source>
        <translation>{path} sudah ada dan bukan ruang kerja Paser Smart City; pilih nama berkas lain — berkas itu tidak akan ditimpa</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>{path}: a workspace is a GeoPackage and its name must end in .gpkg</source>
        <translation>{path}: ruang kerja adalah GeoPackage dan namanya harus berakhiran .gpkg</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>row {row}: {problem}</source>
        <translation>baris {row}: {problem}</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>workspace {path} does not exist</source>
        <translation>ruang kerja {path} tidak ada</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>{path} is not a Paser Smart City workspace</source>
        <translation>{path} bukan ruang kerja Paser Smart City</translation>
    </message>
    <message>
        <location filename="../core/workspace.py"/>
        <source>{layer}: no site with uid {uid}</source>
        <translation>{layer}: tidak ada lokasi dengan UID {uid}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Target: {target} service points (the 2022 programme)</source>
        <translation>Target: {target} titik layanan (program 2022)</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <location filename="../plugin.py"/>
        <source>Programme dashboard</source>
        <translation>Dasbor program</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <location filename="../gui/telkom.py"/>
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
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Zoom to selected row</source>
        <translation>Perbesar ke baris terpilih</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Zoom the map to the sites of the selected row; double-clicking a row does the same</source>
        <translation>Perbesar peta ke lokasi pada baris terpilih; klik ganda pada baris melakukan hal yang sama</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <location filename="../gui/settings_page.py"/>
        <location filename="../plugin.py"/>
        <location filename="../toolbelt/help.py"/>
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
        <source>{registered} of {target} service points registered ({share:.0%}), {active} active ({active_share:.0%} of the target); {towers}.</source>
        <translation>{registered} dari {target} titik layanan terdaftar ({share:.0%}), {active} aktif ({active_share:.0%} dari target); {towers}.</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{count} tower</source>
        <translation>{count} menara</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{count} towers</source>
        <translation>{count} menara</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{count} site still has approximate coordinates (a desa centre): survey it.</source>
        <translation>{count} lokasi masih berkoordinat perkiraan (titik tengah desa): surveilah.</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{count} sites still have approximate coordinates (a desa centre): survey them.</source>
        <translation>{count} lokasi masih berkoordinat perkiraan (titik tengah desa): surveilah.</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Workspace: {name}</source>
        <translation>Ruang kerja: {name}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Service points, every status</source>
        <translation>Titik layanan, semua status</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Service points: {status}</source>
        <translation>Titik layanan: {status}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Towers, every status</source>
        <translation>Menara, semua status</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Towers: {status}</source>
        <translation>Menara: {status}</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Approximate coordinates</source>
        <translation>Koordinat perkiraan</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Sites whose coordinates are still approximate (a desa centre): to be surveyed</source>
        <translation>Lokasi yang koordinatnya masih perkiraan (titik tengah desa): perlu disurvei</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>Unknown desa code</source>
        <translation>Kode desa tidak dikenal</translation>
    </message>
    <message>
        <location filename="../gui/dashboard.py"/>
        <source>{regency} (target {target})</source>
        <translation>{regency} (target {target})</translation>
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
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/telkom.py"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge field survey: preview</source>
        <translation>Gabungkan survei lapangan: pratinjau</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge field survey: merge</source>
        <translation>Gabungkan survei lapangan: penggabungan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge field survey — preview</source>
        <translation>Gabungkan survei lapangan — pratinjau</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/register_dialog.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Site</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>At packaging</source>
        <translation>Saat dikemas</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Office now</source>
        <translation>Kantor sekarang</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/package_for_field.py"/>
        <source>Surveyor</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Note / warning</source>
        <translation>Catatan / peringatan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Package of {surveyor} ({id}), made {created}.</source>
        <translation>Paket milik {surveyor} ({id}), dibuat {created}.</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>It was merged on {at} with this same content: there is nothing to merge.</source>
        <translation>Paket ini sudah digabungkan pada {at} dengan isi yang sama: tidak ada yang perlu digabungkan.</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>{count} new site</source>
        <translation>{count} situs baru</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>{count} new sites</source>
        <translation>{count} situs baru</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/import_sites.py"/>
        <source>{count} site updated</source>
        <translation>{count} lokasi diperbarui</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/import_sites.py"/>
        <source>{count} sites updated</source>
        <translation>{count} lokasi diperbarui</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} site deleted</source>
        <translation>{count} lokasi dihapus</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} sites deleted</source>
        <translation>{count} lokasi dihapus</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} site with conflicts</source>
        <translation>{count} lokasi dengan konflik</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} sites with conflicts</source>
        <translation>{count} lokasi dengan konflik</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photo to copy</source>
        <translation>{count} foto akan disalin</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photos to copy</source>
        <translation>{count} foto akan disalin</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Nothing has been written yet.</source>
        <translation>Belum ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merged before on {at}: only what changed in the package since is listed.</source>
        <translation>Sudah pernah digabungkan pada {at}: hanya yang berubah di paket sejak itu yang ditampilkan.</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>A field changed both here and by the surveyor is a conflict (red): the workspace keeps its value, and you choose later in Sync conflicts.</source>
        <translation>Isian yang diubah di sini dan juga oleh surveyor adalah konflik (merah): ruang kerja mempertahankan nilainya, dan Anda memilih nanti di Konflik sinkronisasi.</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photo named by a site is missing from the package (highlighted).</source>
        <translation>{count} foto yang disebut lokasi tidak ada di paket (disorot).</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photos named by sites are missing from the package (highlighted).</source>
        <translation>{count} foto yang disebut lokasi tidak ada di paket (disorot).</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} site cannot be merged and is left out (see its note).</source>
        <translation>{count} lokasi tidak dapat digabungkan dan tidak diambil (lihat catatannya).</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} sites cannot be merged and are left out (see their notes).</source>
        <translation>{count} lokasi tidak dapat digabungkan dan tidak diambil (lihat catatannya).</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <source>present</source>
        <translation>ada</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>taken</source>
        <translation>diambil</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>conflict: the workspace keeps the site as it is</source>
        <translation>konflik: ruang kerja mempertahankan lokasi apa adanya</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>already so</source>
        <translation>sudah demikian</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>conflict: the workspace keeps its value</source>
        <translation>konflik: ruang kerja mempertahankan nilainya</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>new site</source>
        <translation>lokasi baru</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>update</source>
        <translation>perbarui</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>delete</source>
        <translation>hapus</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>conflict</source>
        <translation>konflik</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>already in the workspace</source>
        <translation>sudah ada di ruang kerja</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>cannot be merged</source>
        <translation>tidak dapat digabungkan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Warning: {text}</source>
        <translation>Peringatan: {text}</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <source>the site itself</source>
        <translation>lokasi itu sendiri</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Untick to leave the surveyor&apos;s changes of this site out</source>
        <translation>Hapus centang agar perubahan surveyor pada lokasi ini tidak diambil</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge {count} site</source>
        <translation>Gabungkan {count} lokasi</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge {count} sites</source>
        <translation>Gabungkan {count} lokasi</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge of the field survey cancelled; nothing was written</source>
        <translation>Penggabungan survei lapangan dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Field survey not merged; nothing was written: {error}</source>
        <translation>Survei lapangan tidak digabungkan; tidak ada yang ditulis: {error}</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>This field package was merged on {at}; nothing was written</source>
        <translation>Paket lapangan ini sudah digabungkan pada {at}; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Field survey of {surveyor} merged: {new}, {updated}, {deleted}, {photos}</source>
        <translation>Survei lapangan {surveyor} digabungkan: {new}, {updated}, {deleted}, {photos}</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photo copied</source>
        <translation>{count} foto disalin</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photos copied</source>
        <translation>{count} foto disalin</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} site left out</source>
        <translation>{count} lokasi tidak diambil</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} sites left out</source>
        <translation>{count} lokasi tidak diambil</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photo missing</source>
        <translation>{count} foto hilang</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>{count} photos missing</source>
        <translation>{count} foto hilang</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/sync_controller.py"/>
        <source>Resolve conflicts…</source>
        <translation>Selesaikan konflik…</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <location filename="../gui/telkom.py"/>
        <source>There is no workspace yet: open the smart-city layers first</source>
        <translation>Belum ada ruang kerja: buka dulu lapisan kota cerdas</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Merge field survey: choose the returned package (its .zip, or survey.gpkg in its folder)</source>
        <translation>Gabungkan survei lapangan: pilih paket yang kembali (berkas .zip-nya, atau survey.gpkg di foldernya)</translation>
    </message>
    <message>
        <location filename="../gui/field_merge.py"/>
        <source>Field package (*.zip survey.gpkg manifest.json *.gpkg);;All files (*)</source>
        <translation>Paket lapangan (*.zip survey.gpkg manifest.json *.gpkg);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../gui/options_factory.py"/>
        <location filename="../plugin.py"/>
        <location filename="../processing/provider.py"/>
        <source>Paser Smart City</source>
        <translation>Paser Smart City</translation>
    </message>
    <message>
        <location filename="../gui/preview.py"/>
        <source>Save report…</source>
        <translation>Simpan laporan…</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Auto-detect</source>
        <translation>Deteksi otomatis</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Decimal degrees: latitude, longitude</source>
        <translation>Derajat desimal: lintang, bujur</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Decimal degrees: longitude latitude</source>
        <translation>Derajat desimal: bujur lintang</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Degrees minutes seconds (1°54&apos;08&quot; LS)</source>
        <translation>Derajat menit detik (1°54&apos;08&quot; LS)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Degrees decimal minutes (1°54.133&apos; LS)</source>
        <translation>Derajat menit desimal (1°54.133&apos; LS)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>UTM zone 50S, WGS 84 (EPSG:32750)</source>
        <translation>UTM zona 50S, WGS 84 (EPSG:32750)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>UTM zone 50S, SRGI2013 (EPSG:9490)</source>
        <translation>UTM zona 50S, SRGI2013 (EPSG:9490)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>TM-3 zone 50.1, DGN95 (EPSG:23837)</source>
        <translation>TM-3 zona 50.1, DGN95 (EPSG:23837)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <location filename="../plugin.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>Register coordinates</source>
        <translation>Daftarkan koordinat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Existing site</source>
        <translation>Lokasi yang ada</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>New service point</source>
        <translation>Titik layanan baru</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Type part of the name (pending and approximate sites first)</source>
        <translation>Ketik sebagian nama (lokasi tertunda dan perkiraan ditampilkan lebih dulu)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>The suggested desa</source>
        <translation>Desa yang disarankan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>Coordinates</source>
        <translation>Koordinat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Any format, e.g. {example} · 1°54&apos;08&quot; LS 116°11&apos;21&quot; BT · 457123 9789654 with a UTM or TM-3 format</source>
        <translation>Format apa pun, mis. {example} · 1°54&apos;08&quot; LS 116°11&apos;21&quot; BT · 457123 9789654 dengan format UTM atau TM-3</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Pick on the map</source>
        <translation>Pilih di peta</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>The dialog steps aside until you click the map; Esc cancels</source>
        <translation>Dialog menyingkir sampai Anda mengklik peta; Esc membatalkan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Use GPS position</source>
        <translation>Gunakan posisi GPS</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Use the corrected value</source>
        <translation>Gunakan nilai koreksi</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Decimal degrees</source>
        <translation>Derajat desimal</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Degrees, minutes and seconds</source>
        <translation>Derajat, menit dan detik</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <location filename="../gui/site_values.py"/>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Suggested desa</source>
        <translation>Desa yang disarankan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Survey</source>
        <translation>Survei</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>In the regency&apos;s time (WITA, UTC+8); the workspace stores it in UTC, as every tool expects</source>
        <translation>Dalam waktu kabupaten (WITA, UTC+8); ruang kerja menyimpannya dalam UTC, seperti yang diharapkan setiap alat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Coordinate source</source>
        <translation>Sumber koordinat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Accuracy</source>
        <translation>Akurasi</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>Surveyed by</source>
        <translation>Disurvei oleh</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Surveyed at</source>
        <translation>Disurvei pada</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Change the site&apos;s desa to the suggested one</source>
        <translation>Ubah desa lokasi ini ke desa yang disarankan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>I have read the warnings: save anyway</source>
        <translation>Saya sudah membaca peringatan: tetap simpan</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>the regency&apos;s extent is used instead</source>
        <translation>batas wilayah kabupaten dipakai sebagai gantinya</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Choose the site in the list, or switch to “New service point”</source>
        <translation>Pilih lokasi dari daftar, atau beralih ke “Titik layanan baru”</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Type or paste the coordinates, pick them on the map or use the GPS</source>
        <translation>Ketik atau tempel koordinat, pilih di peta, atau gunakan GPS</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Save needs a site: choose one in the list</source>
        <translation>Simpan memerlukan lokasi: pilih salah satu di daftar</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Save needs the coordinates</source>
        <translation>Simpan memerlukan koordinat</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Save waits until the coordinates are complete</source>
        <translation>Simpan menunggu sampai koordinat lengkap</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Save is disabled: correct the error, e.g. with “Use the corrected value”</source>
        <translation>Simpan tidak aktif: perbaiki galatnya, mis. dengan “Gunakan nilai koreksi”</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Save is disabled: correct the error</source>
        <translation>Simpan tidak aktif: perbaiki galatnya</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>To save, tick “I have read the warnings: save anyway”</source>
        <translation>Untuk menyimpan, centang “Saya sudah membaca peringatan: tetap simpan”</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Click the site on the map; Esc brings the dialog back</source>
        <translation>Klik lokasi di peta; Esc mengembalikan dialog</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Position picked on the map; accuracy {metres} m, one screen pixel at this scale: zoom in for a better one</source>
        <translation>Posisi dipilih di peta; akurasi {metres} m, satu piksel layar pada skala ini: perbesar peta untuk hasil yang lebih baik</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Position picked on the map</source>
        <translation>Posisi dipilih di peta</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Connect a GPS in QGIS&apos;s GPS Information panel first</source>
        <translation>Hubungkan GPS dulu di panel Informasi GPS QGIS</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>No GPS is connected</source>
        <translation>Tidak ada GPS yang terhubung</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>The GPS has no position fix yet</source>
        <translation>GPS belum mendapatkan posisi (fix)</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Position taken from the GPS</source>
        <translation>Posisi diambil dari GPS</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Not saved: the layer “{layer}” has unsaved edits in QGIS — save or discard them first, so that neither change overwrites the other</source>
        <translation>Tidak disimpan: lapisan “{layer}” memiliki suntingan yang belum disimpan di QGIS — simpan atau buang dulu, agar perubahan yang satu tidak menimpa yang lain</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Not saved: {reason}</source>
        <translation>Tidak disimpan: {reason}</translation>
    </message>
    <message>
        <location filename="../gui/register_dialog.py"/>
        <source>Saved: {position}</source>
        <translation>Tersimpan: {position}</translation>
    </message>
    <message>
        <location filename="../gui/server_fields.py"/>
        <source>found by the sync (last sync: {collection})</source>
        <translation>ditemukan oleh sinkronisasi (sinkronisasi terakhir: {collection})</translation>
    </message>
    <message>
        <location filename="../gui/server_fields.py"/>
        <source>found by the sync</source>
        <translation>ditemukan oleh sinkronisasi</translation>
    </message>
    <message>
        <location filename="../gui/server_fields.py"/>
        <source>The id of the server&apos;s collection that holds this layer, e.g. public.{layer}. Leave it empty: the sync finds it.</source>
        <translation>ID koleksi server yang memuat lapisan ini, mis. public.{layer}. Biarkan kosong: sinkronisasi akan menemukannya.</translation>
    </message>
    <message>
        <location filename="../gui/server_fields.py"/>
        <source>Move the user name and password into an authentication configuration</source>
        <translation>Pindahkan nama pengguna dan kata sandi ke konfigurasi autentikasi</translation>
    </message>
    <message>
        <location filename="../gui/server_fields.py"/>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../processing/sync.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Authentication</source>
        <translation>Autentikasi</translation>
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
        <source>The Telkom import preview warns about a site moved farther than this (0: every move)</source>
        <translation>Pratinjau impor Telkom memperingatkan situs yang berpindah lebih jauh dari ini (0: setiap perpindahan)</translation>
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
        <location filename="../gui/sync_controller.py"/>
        <source>A sync is already running.</source>
        <translation>Sinkronisasi sedang berjalan.</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>Set the central server first (Paser Smart City ▸ Sync with central database).</source>
        <translation>Atur server pusat dulu (Paser Smart City ▸ Sinkronisasi dengan basis data pusat).</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>Paser Smart City: full re-check with the central database</source>
        <translation>Paser Smart City: pemeriksaan ulang menyeluruh dengan basis data pusat</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>Paser Smart City: sync with the central database</source>
        <translation>Paser Smart City: sinkronisasi dengan basis data pusat</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>the sync was cancelled</source>
        <translation>sinkronisasi dibatalkan</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>Sync stopped: {error}. Nothing was half-applied.</source>
        <translation>Sinkronisasi dihentikan: {error}. Tidak ada yang diterapkan setengah jalan.</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>{count} conflict</source>
        <translation>{count} konflik</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>{count} conflicts</source>
        <translation>{count} konflik</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>{layer}: {pulled} pulled, {pushed} pushed, {conflicts}</source>
        <translation>{layer}: {pulled} diambil, {pushed} dikirim, {conflicts}</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>Sync done — </source>
        <translation>Sinkronisasi selesai — </translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>(collections {collections})</source>
        <translation>(koleksi {collections})</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>History…</source>
        <translation>Riwayat…</translation>
    </message>
    <message>
        <location filename="../gui/sync_controller.py"/>
        <source>No open sync conflicts.</source>
        <translation>Tidak ada konflik sinkronisasi yang terbuka.</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>present (edited by the surveyor)</source>
        <translation>ada (disunting oleh surveyor)</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>present (edited centrally)</source>
        <translation>ada (disunting di pusat)</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../processing/sync.py"/>
        <source>Sync with the central database</source>
        <translation>Sinkronisasi dengan basis data pusat</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Central server (OGC API landing page)</source>
        <translation>Server pusat (halaman awal OGC API)</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Collection of {layer}</source>
        <translation>Koleksi {layer}</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>The last sync used the collections {collections}.</source>
        <translation>Sinkronisasi terakhir memakai koleksi {collections}.</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Send my edits (new, changed and deleted sites)</source>
        <translation>Kirim suntingan saya (lokasi baru, diubah dan dihapus)</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Sync</source>
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Enter the https:// URL of the central server (http:// only for a server on this computer).</source>
        <translation>Masukkan URL https:// server pusat (http:// hanya untuk server di komputer ini).</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Before</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Theirs</source>
        <translation>Milik pihak lain</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Keep</source>
        <translation>Pertahankan</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Sync conflicts</source>
        <translation>Konflik sinkronisasi</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>The same field was changed here and elsewhere: in the central database, or by a surveyor whose field package was merged. Choose per field which value to keep; your choice is sent with the next sync.</source>
        <translation>Isian yang sama diubah di sini dan di tempat lain: di basis data pusat, atau oleh surveyor yang paket lapangannya sudah digabungkan. Pilih per isian nilai mana yang dipertahankan; pilihan Anda dikirim pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <location filename="../processing/sync.py"/>
        <source>Central database</source>
        <translation>Basis data pusat</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Surveyor {name} (field package {id})</source>
        <translation>Surveyor {name} (paket lapangan {id})</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>When the field package was made</source>
        <translation>Saat paket lapangan dibuat</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>At the last sync</source>
        <translation>Pada sinkronisasi terakhir</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Field package {id}, merged into this workspace</source>
        <translation>Paket lapangan {id}, digabungkan ke ruang kerja ini</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Keep mine</source>
        <translation>Pertahankan milik saya</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Take the surveyor&apos;s</source>
        <translation>Ambil milik surveyor</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Take central</source>
        <translation>Ambil dari pusat</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Started</source>
        <translation>Dimulai</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Pulled</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Pushed</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Sync history</source>
        <translation>Riwayat sinkronisasi</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>No syncs yet.</source>
        <translation>Belum ada sinkronisasi.</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Interrupted</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <location filename="../gui/sync_dialogs.py"/>
        <source>{local} (UTC {utc})</source>
        <translation>{local} (UTC {utc})</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>The Telkom exchange needs geopandas: {error}</source>
        <translation>Pertukaran data Telkom memerlukan geopandas: {error}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Export for Telkom</source>
        <translation>Ekspor untuk Telkom</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Service points and tower plans</source>
        <translation>Titik layanan dan rencana menara</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Tower plans</source>
        <translation>Rencana menara</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Selected sites only</source>
        <translation>Hanya lokasi yang dipilih</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Zip archive (*.zip)</source>
        <translation>Arsip zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Package for Telkom</source>
        <translation>Paket untuk Telkom</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Coordinate reference system</source>
        <translation>Sistem referensi koordinat</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>The zip holds a shapefile per layer, a schema note in Indonesian and English and a CSV of the sites without coordinates.</source>
        <translation>Zip berisi satu shapefile per lapisan, catatan skema dalam bahasa Indonesia dan Inggris, serta CSV lokasi yang belum berkoordinat.</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Telkom package written: {path} ({sites}, {pending})</source>
        <translation>Paket Telkom ditulis: {path} ({sites}, {pending})</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>{count} site</source>
        <translation>{count} lokasi</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>{count} sites</source>
        <translation>{count} lokasi</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} without coordinates</source>
        <translation>{count} tanpa koordinat</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Export for Telkom failed; nothing was written. {details}</source>
        <translation>Ekspor untuk Telkom gagal; tidak ada yang ditulis. {details}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Choose where to write the package for Telkom</source>
        <translation>Pilih tempat menulis paket untuk Telkom</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Import from Telkom: preview</source>
        <translation>Impor dari Telkom: pratinjau</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Import from Telkom: apply</source>
        <translation>Impor dari Telkom: terapkan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Import from Telkom — preview</source>
        <translation>Impor dari Telkom — pratinjau</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Show unchanged rows</source>
        <translation>Tampilkan baris yang tidak berubah</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Leave out the changes with warnings</source>
        <translation>Lewati perubahan yang berperingatan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../toolbelt/help.py"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Matched by</source>
        <translation>Dicocokkan dengan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Old</source>
        <translation>Lama</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Reason / warning / note</source>
        <translation>Alasan / peringatan / catatan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{name} → {layer} ({rows}, {encoding}, {crs})</source>
        <translation>{name} → {layer} ({rows}, {encoding}, {crs})</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>{count} row</source>
        <translation>{count} baris</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>{count} rows</source>
        <translation>{count} baris</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} row matched to a site</source>
        <translation>{count} baris cocok dengan situs</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} rows matched to a site</source>
        <translation>{count} baris cocok dengan situs</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} of them with changes</source>
        <translation>{count} di antaranya berubah</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/import_sites.py"/>
        <source>{count} row rejected</source>
        <translation>{count} baris ditolak</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/import_sites.py"/>
        <source>{count} rows rejected</source>
        <translation>{count} baris ditolak</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{sources}
{matched}, {updated}; {new}; {rejected}. Nothing has been written yet.</source>
        <translation>{sources}
{matched}, {updated}; {new}; {rejected}. Belum ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} change has a warning (highlighted): look at it before applying, or untick it.</source>
        <translation>{count} perubahan berperingatan (disorot): periksa sebelum menerapkan, atau hapus centangnya.</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} changes have a warning (highlighted): look at them before applying, or untick them.</source>
        <translation>{count} perubahan berperingatan (disorot): periksa sebelum menerapkan, atau hapus centangnya.</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>unchanged</source>
        <translation>tidak berubah</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>rejected</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Untick to leave this change out</source>
        <translation>Hapus centang untuk melewati perubahan ini</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Shapefile column: {column}</source>
        <translation>Kolom shapefile: {column}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Only the first {count} lines are shown; save the report to see all.</source>
        <translation>Hanya {count} baris pertama yang ditampilkan; simpan laporan untuk melihat semuanya.</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Apply {count} change</source>
        <translation>Terapkan {count} perubahan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Apply {count} changes</source>
        <translation>Terapkan {count} perubahan</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Import from Telkom cancelled; nothing was written</source>
        <translation>Impor dari Telkom dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Import from Telkom refused; nothing was written: {error}</source>
        <translation>Impor dari Telkom ditolak; tidak ada yang ditulis: {error}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>The shapefile has no .prj: choose its coordinate reference system</source>
        <translation>Shapefile tidak memiliki .prj: pilih sistem referensi koordinatnya</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Import from Telkom</source>
        <translation>Impor dari Telkom</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>The zip holds several shapefiles. Which one should be imported?</source>
        <translation>Zip ini berisi beberapa shapefile. Mana yang akan diimpor?</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Telkom import applied: {updated}, {new}</source>
        <translation>Impor Telkom diterapkan: {updated}, {new}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} change left out</source>
        <translation>{count} perubahan dilewati</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>{count} changes left out</source>
        <translation>{count} perubahan dilewati</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Telkom import cancelled; nothing was written</source>
        <translation>Impor Telkom dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <source>Telkom import not applied; nothing was written: {error}</source>
        <translation>Impor Telkom tidak diterapkan; tidak ada yang ditulis: {error}</translation>
    </message>
    <message>
        <location filename="../gui/telkom.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Shapefile or zip (*.zip *.shp *.ZIP *.SHP)</source>
        <translation>Shapefile atau zip (*.zip *.shp *.ZIP *.SHP)</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>The basemap zoom range {low}–{high} is not valid: 0 ≤ lowest ≤ highest ≤ 22</source>
        <translation>Rentang zoom peta dasar {low}–{high} tidak valid: 0 ≤ terendah ≤ tertinggi ≤ 22</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>The basemap would need {tiles} tiles at zoom {low}–{high} (at most {limit}): lower the highest zoom level or package fewer kecamatan</source>
        <translation>Peta dasar memerlukan {tiles} ubin pada zoom {low}–{high} (paling banyak {limit}): turunkan zoom tertinggi atau kemas lebih sedikit kecamatan</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>no answer within {seconds} s</source>
        <translation>tidak ada jawaban dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>The basemap “{name}” cannot be reached ({reason}): is this computer offline? Package without a basemap, or choose a raster file</source>
        <translation>Peta dasar “{name}” tidak dapat dijangkau ({reason}): apakah komputer ini luring? Buat paket tanpa peta dasar, atau pilih berkas raster</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <location filename="../processing/package_for_field.py"/>
        <source>Packaging cancelled; nothing was written</source>
        <translation>Pengemasan dibatalkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>The basemap “{name}” cannot be cut to the area: {error}</source>
        <translation>Peta dasar “{name}” tidak dapat dipotong sesuai wilayah: {error}</translation>
    </message>
    <message>
        <location filename="../layers/basemap.py"/>
        <source>QGIS&apos;s XYZ tiles (MBTiles) algorithm is not available</source>
        <translation>Algoritma ubin XYZ (MBTiles) QGIS tidak tersedia</translation>
    </message>
    <message>
        <location filename="../layers/boundary.py"/>
        <source>The boundary layer {source} cannot be opened</source>
        <translation>Lapisan batas desa {source} tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../layers/boundary.py"/>
        <source>The boundary layer {source} is not a polygon layer</source>
        <translation>Lapisan batas desa {source} bukan lapisan poligon</translation>
    </message>
    <message>
        <location filename="../layers/boundary.py"/>
        <source>The boundary layer {source} has no field of desa codes (64.01.xx.xxxx)</source>
        <translation>Lapisan batas desa {source} tidak memiliki kolom kode desa (64.01.xx.xxxx)</translation>
    </message>
    <message>
        <location filename="../layers/field_project.py"/>
        <location filename="../processing/package_for_field.py"/>
        <source>Basemap</source>
        <translation>Peta dasar</translation>
    </message>
    <message>
        <location filename="../layers/field_project.py"/>
        <source>Cannot open the basemap {path}</source>
        <translation>Tidak dapat membuka peta dasar {path}</translation>
    </message>
    <message>
        <location filename="../layers/field_project.py"/>
        <source>Cannot write the project {path}: {error}</source>
        <translation>Tidak dapat menulis proyek {path}: {error}</translation>
    </message>
    <message>
        <location filename="../layers/reference_layers.py"/>
        <source>Desa boundaries</source>
        <translation>Batas desa</translation>
    </message>
    <message>
        <location filename="../layers/reference_layers.py"/>
        <source>Kecamatan boundaries</source>
        <translation>Batas kecamatan</translation>
    </message>
    <message>
        <location filename="../layers/reference_layers.py"/>
        <location filename="../layers/workspace_layers.py"/>
        <source>Cannot open layer {layer} of {path}</source>
        <translation>Lapisan {layer} dari {path} tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>Other or no category</source>
        <translation>Kategori lain atau kosong</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>a new site</source>
        <translation>lokasi baru</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>Not saved: {site}: {problem}</source>
        <translation>Tidak disimpan: {site}: {problem}</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>Check {site}: {problem}</source>
        <translation>Periksa {site}: {problem}</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>{problem} (and {count} more)</source>
        <translation>{problem} (dan {count} lainnya)</translation>
    </message>
    <message>
        <location filename="../layers/workspace_layers.py"/>
        <source>Cannot check the edits before saving: {error}</source>
        <translation>Suntingan tidak dapat diperiksa sebelum disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Open smart-city layers</source>
        <translation>Buka lapisan kota cerdas</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Open the service points and tower plans of the workspace; it is created on first use</source>
        <translation>Buka titik layanan dan rencana menara dari ruang kerja; ruang kerja dibuat saat pertama kali digunakan</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Give a site its coordinates, typed, picked on the map or from the GPS, or add a service point</source>
        <translation>Beri koordinat pada sebuah lokasi, diketik, dipilih di peta atau dari GPS, atau tambahkan titik layanan</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Import sites from a spreadsheet…</source>
        <translation>Impor lokasi dari tabel…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Register the coordinates of many sites from a CSV or XLSX file</source>
        <translation>Daftarkan koordinat banyak lokasi dari berkas CSV atau XLSX</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Sync with central database…</source>
        <translation>Sinkronisasi dengan basis data pusat…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Pull central changes and send my edits over OGC API – Features</source>
        <translation>Ambil perubahan dari pusat dan kirim suntingan saya melalui OGC API – Features</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Full re-check with central database</source>
        <translation>Periksa ulang menyeluruh dengan basis data pusat</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Compare every site with the central database, not only what changed since the last sync: use it after the server&apos;s clock was wrong</source>
        <translation>Bandingkan setiap lokasi dengan basis data pusat, tidak hanya yang berubah sejak sinkronisasi terakhir: gunakan setelah jam server salah</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Sync conflicts…</source>
        <translation>Konflik sinkronisasi…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Sites changed both here and on the central server: choose per field which value to keep</source>
        <translation>Lokasi yang berubah di sini dan juga di server pusat: pilih per kolom nilai mana yang dipertahankan</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Sync history…</source>
        <translation>Riwayat sinkronisasi…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Past syncs with their outcome and what they pulled and sent</source>
        <translation>Sinkronisasi sebelumnya beserta hasilnya serta apa yang diambil dan dikirim</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Export for Telkom…</source>
        <translation>Ekspor untuk Telkom…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Write the sites as zipped shapefiles for Telkom, with a schema note</source>
        <translation>Tulis lokasi sebagai shapefile dalam zip untuk Telkom, dengan catatan skema</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Import from Telkom…</source>
        <translation>Impor dari Telkom…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Preview and apply the shapefile Telkom sent back</source>
        <translation>Pratinjau dan terapkan shapefile yang dikirim kembali oleh Telkom</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Package for field survey…</source>
        <translation>Paket untuk survei lapangan…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Write the sites of some kecamatan as a project that QField opens on a surveyor&apos;s phone</source>
        <translation>Tulis lokasi beberapa kecamatan sebagai proyek yang dibuka QField di ponsel surveyor</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Merge field survey…</source>
        <translation>Gabungkan survei lapangan…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Preview a package a surveyor brought back from QField and merge it into the workspace, field by field, photos included</source>
        <translation>Pratinjau paket yang dibawa kembali surveyor dari QField dan gabungkan ke ruang kerja, per isian, termasuk foto</translation>
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
        <source>Workspace, central server and distances, also in Settings &gt; Options &gt; Paser Smart City</source>
        <translation>Ruang kerja, server pusat dan jarak, juga di Pengaturan &gt; Opsi &gt; Paser Smart City</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>The plugin&apos;s help: every topic, in the language of QGIS</source>
        <translation>Bantuan plugin: semua topik, dalam bahasa QGIS</translation>
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
        <source>The workspace was upgraded for this version of the plugin; the file as it was is kept at {backup}</source>
        <translation>Workspace telah ditingkatkan untuk versi plugin ini; berkas seperti sebelumnya disimpan di {backup}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>New workspace created with the 2022 programme: {path}</source>
        <translation>Ruang kerja baru dibuat dengan data program 2022: {path}</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>The smart-city layers are already open; the map shows them.</source>
        <translation>Lapisan kota cerdas sudah terbuka; peta menampilkannya.</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>The settings are in Settings &gt; Options &gt; Paser Smart City</source>
        <translation>Pengaturan ada di Pengaturan &gt; Opsi &gt; Paser Smart City</translation>
    </message>
    <message>
        <location filename="../processing/base.py"/>
        <location filename="../processing/create_workspace.py"/>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/package_for_field.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <location filename="../processing/sync.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Workspace GeoPackage</source>
        <translation>GeoPackage ruang kerja</translation>
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
        <location filename="../processing/import_sites.py"/>
        <source>Import sites from a spreadsheet</source>
        <translation>Impor lokasi dari tabel</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>Sites</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Imports a spreadsheet (CSV or XLSX) of sites with coordinates. Columns are recognised by their header (in the first rows: a title above the table is skipped), in Indonesian or English: nama/name, kategori/category, koordinat/coordinates (one column, any supported format) or lintang/latitude and bujur/longitude (two columns), desa (name or code), kecamatan, akurasi/accuracy, sumber/source, surveyor, tanggal/date, catatan/notes, uid. A CSV may be UTF-8, UTF-16 (Excel&apos;s &apos;Unicode Text&apos;) or Windows-1252, separated by commas, semicolons or tabs; of an XLSX, &apos;XLSX sheet&apos; (SHEET) chooses the sheet (empty: the first). A row whose uid or name is an existing site gives that site its coordinates; any other row is a new service point. A site takes its coordinates from one row: a later row naming the same site (an existing one, or the new site of an earlier row: the same name, in the same desa or within the duplicate distance) is rejected with the number of the earlier row. Every valid row is written in one transaction and the &apos;Report&apos; (REPORT; CSV: row, outcome, message) lists each row with its outcome and reason; with &apos;Write nothing when any row is rejected&apos; (ALL_OR_NOTHING) nothing is written when any row is rejected. Rows with warnings only are rejected unless &apos;Accept warnings&apos; (FORCE) is set.</source>
        <translation>Mengimpor tabel (CSV atau XLSX) berisi lokasi beserta koordinatnya. Kolom dikenali dari judulnya (di baris-baris pertama: judul tabel di atasnya dilewati), dalam bahasa Indonesia atau Inggris: nama/name, kategori/category, koordinat/coordinates (satu kolom, format apa pun yang didukung) atau lintang/latitude dan bujur/longitude (dua kolom), desa (nama atau kode), kecamatan, akurasi/accuracy, sumber/source, surveyor, tanggal/date, catatan/notes, uid. CSV boleh UTF-8, UTF-16 (&apos;Unicode Text&apos; dari Excel) atau Windows-1252, dengan pemisah koma, titik koma atau tab; pada XLSX, &apos;Lembar XLSX&apos; (SHEET) memilih lembarnya (kosong: lembar pertama). Baris yang uid atau namanya sama dengan lokasi yang ada memberi koordinat pada lokasi itu; baris lainnya menjadi titik layanan baru. Satu lokasi mendapat koordinat dari satu baris: baris berikutnya yang menyebut lokasi yang sama (lokasi yang sudah ada, atau lokasi baru dari baris sebelumnya: nama sama, di desa yang sama atau dalam jarak duplikat) ditolak dengan menyebut nomor baris sebelumnya. Semua baris yang valid ditulis dalam satu transaksi dan &apos;Laporan&apos; (REPORT; CSV: baris, hasil, pesan) mencantumkan hasil dan alasan setiap baris; dengan &apos;Jangan tulis apa pun bila ada baris yang ditolak&apos; (ALL_OR_NOTHING) tidak ada yang ditulis bila ada satu baris pun yang ditolak. Baris yang hanya memiliki peringatan ditolak kecuali &apos;Terima peringatan&apos; (FORCE) diaktifkan.</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Spreadsheet (CSV or XLSX)</source>
        <translation>Tabel (CSV atau XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Spreadsheets (*.csv *.txt *.tsv *.xlsx *.xlsm)</source>
        <translation>Tabel (*.csv *.txt *.tsv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>XLSX sheet (empty: the first)</source>
        <translation>Lembar XLSX (kosong: lembar pertama)</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>CRS of projected coordinates (when auto-detection cannot tell)</source>
        <translation>CRS koordinat proyeksi (bila deteksi otomatis tidak dapat menentukan)</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Coordinate source code for rows without one</source>
        <translation>Kode sumber koordinat untuk baris yang tidak mencantumkannya</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/register_coordinates.py"/>
        <source>Accept warnings</source>
        <translation>Terima peringatan</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Write nothing when any row is rejected</source>
        <translation>Jangan tulis apa pun bila ada baris yang ditolak</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>New service points</source>
        <translation>Titik layanan baru</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Sites given coordinates</source>
        <translation>Lokasi yang diberi koordinat</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <location filename="../processing/telkom.py"/>
        <source>Rejected rows</source>
        <translation>Baris yang ditolak</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>sheet “{sheet}”, headers in row {row}</source>
        <translation>lembar “{sheet}”, judul kolom di baris {row}</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>headers in row {row}</source>
        <translation>judul kolom di baris {row}</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Reading {path} ({where})</source>
        <translation>Membaca {path} ({where})</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Row {row}: {message}</source>
        <translation>Baris {row}: {message}</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Nothing written: {count} row rejected and ALL_OR_NOTHING is set</source>
        <translation>Tidak ada yang ditulis: {count} baris ditolak dan ALL_OR_NOTHING diaktifkan</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>Nothing written: {count} rows rejected and ALL_OR_NOTHING is set</source>
        <translation>Tidak ada yang ditulis: {count} baris ditolak dan ALL_OR_NOTHING diaktifkan</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>{count} new service point</source>
        <translation>{count} titik layanan baru</translation>
    </message>
    <message>
        <location filename="../processing/import_sites.py"/>
        <source>{count} new service points</source>
        <translation>{count} titik layanan baru</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/telkom.py"/>
        <source>New sites</source>
        <translation>Lokasi baru</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Sites updated</source>
        <translation>Lokasi diperbarui</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Sites deleted</source>
        <translation>Lokasi dihapus</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/sync.py"/>
        <source>Sites with conflicts</source>
        <translation>Lokasi dengan konflik</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Changes already in the workspace</source>
        <translation>Perubahan yang sudah ada di ruang kerja</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Sites that cannot be merged</source>
        <translation>Lokasi yang tidak dapat digabungkan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Sites the surveyor left unchanged</source>
        <translation>Lokasi yang tidak diubah surveyor</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Photos copied</source>
        <translation>Foto disalin</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Photos missing from the package</source>
        <translation>Foto yang tidak ada di paket</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Sites left out</source>
        <translation>Lokasi tidak diambil</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Already merged (1: nothing to do)</source>
        <translation>Sudah digabungkan (1: tidak ada yang perlu dilakukan)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Merge field survey</source>
        <translation>Gabungkan survei lapangan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/package_for_field.py"/>
        <source>Field survey</source>
        <translation>Survei lapangan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Merges a package a surveyor brought back from the field (made by &apos;Package for field survey&apos;) into the workspace it was made from. &apos;Returned package&apos; (INPUT): the folder QField sent back, its .zip, or its survey.gpkg (a manifest.json names its folder). Site by site and field by field, the surveyor&apos;s changes are compared with the sites as packaged and with the workspace now: a field only the surveyor changed is written as your own edit, and the next sync sends it; what the office changed since packaging (edits, syncs) stays; a field changed differently on both sides, or a site deleted on one side and edited on the other, becomes a conflict to resolve in Paser Smart City ▸ Sync conflicts, naming the surveyor, and the workspace keeps its value meanwhile. New sites keep their uid. Photos are copied to the folder &lt;workspace&gt;_photos beside the workspace, checked by SHA-256 (a different file of the same name is never written over); a photo the data names but the package lacks is a warning. Without &apos;Merge into the workspace&apos; (APPLY) nothing is written: the log and the &apos;Report&apos; (REPORT, CSV) list every change. &apos;Leave out&apos; (SKIP): site uids, comma-separated, whose changes are not taken. Everything is written in one transaction; the package is recorded, so merging it again changes nothing. Refused, with nothing written: a package of another workspace, one whose base was changed after packaging, one made by a newer plugin.</source>
        <translation>Menggabungkan paket yang dibawa kembali surveyor dari lapangan (dibuat dengan &apos;Paket untuk survei lapangan&apos;) ke ruang kerja asalnya. &apos;Paket yang kembali&apos; (INPUT): folder yang dikirim kembali oleh QField, berkas .zip-nya, atau survey.gpkg-nya (manifest.json menunjuk foldernya). Per lokasi dan per isian, perubahan surveyor dibandingkan dengan lokasi saat dikemas dan dengan ruang kerja sekarang: isian yang hanya diubah surveyor ditulis sebagai suntingan Anda sendiri, dan sinkronisasi berikutnya mengirimnya; yang diubah kantor sejak dikemas (suntingan, sinkronisasi) tetap; isian yang diubah berbeda di kedua pihak, atau lokasi yang dihapus di satu pihak dan disunting di pihak lain, menjadi konflik yang diselesaikan di Paser Smart City ▸ Konflik sinkronisasi, dengan nama surveyornya, dan ruang kerja mempertahankan nilainya sementara itu. Lokasi baru mempertahankan uid-nya. Foto disalin ke folder &lt;workspace&gt;_photos di samping ruang kerja, diperiksa dengan SHA-256 (berkas lain bernama sama tidak pernah ditimpa); foto yang disebut data tetapi tidak ada di paket menjadi peringatan. Tanpa &apos;Gabungkan ke ruang kerja&apos; (APPLY) tidak ada yang ditulis: log dan &apos;Laporan&apos; (REPORT, CSV) memuat setiap perubahan. &apos;Tidak diambil&apos; (SKIP): uid lokasi, dipisahkan koma, yang perubahannya tidak diambil. Semuanya ditulis dalam satu transaksi; paket dicatat, sehingga menggabungkannya lagi tidak mengubah apa pun. Ditolak, tanpa ada yang ditulis: paket dari ruang kerja lain, paket yang dasarnya diubah setelah dikemas, paket yang dibuat oleh plugin yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Returned package (folder, .zip or survey.gpkg)</source>
        <translation>Paket yang kembali (folder, .zip atau survey.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Field package (*.zip *.gpkg *.json *.ZIP *.GPKG)</source>
        <translation>Paket lapangan (*.zip *.gpkg *.json *.ZIP *.GPKG)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Merge into the workspace (unchecked: preview only)</source>
        <translation>Gabungkan ke ruang kerja (tanpa centang: pratinjau saja)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Leave out (site uids, comma-separated)</source>
        <translation>Tidak diambil (uid lokasi, dipisahkan koma)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/package_for_field.py"/>
        <source>Package id</source>
        <translation>Id paket</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/telkom.py"/>
        <source>SKIP: {error}</source>
        <translation>SKIP: {error}</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>SKIP is used when the package is merged (APPLY)</source>
        <translation>SKIP dipakai saat paket digabungkan (APPLY)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Package {id} of {surveyor}, made {created} by plugin {version} (schema {schema})</source>
        <translation>Paket {id} milik {surveyor}, dibuat {created} oleh plugin {version} (skema {schema})</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>This package was merged on {at}, with the same content: nothing to do</source>
        <translation>Paket ini sudah digabungkan pada {at} dengan isi yang sama: tidak ada yang perlu dilakukan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Merged before on {at}: only what changed in the package since is merged</source>
        <translation>Sudah pernah digabungkan pada {at}: hanya yang berubah di paket sejak itu yang digabungkan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>The package has no {fields}: the workspace keeps its values</source>
        <translation>Paket tidak memiliki {fields}: ruang kerja mempertahankan nilainya</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>{site}: cannot be merged: {reasons}</source>
        <translation>{site}: tidak dapat digabungkan: {reasons}</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>{site}: conflict on {fields}</source>
        <translation>{site}: konflik pada {fields}</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>Already merged; nothing was written</source>
        <translation>Sudah digabungkan; tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>{new} new, {updated} updated, {deleted} deleted, {conflicts} with conflicts, {rejected} cannot be merged; {photos} photos to copy, {missing} missing</source>
        <translation>{new} baru, {updated} diperbarui, {deleted} dihapus, {conflicts} dengan konflik, {rejected} tidak dapat digabungkan; {photos} foto akan disalin, {missing} hilang</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <location filename="../processing/telkom.py"/>
        <source>preview only, nothing written</source>
        <translation>hanya pratinjau, tidak ada yang ditulis</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py"/>
        <source>merged, {count} left out</source>
        <translation>digabungkan, {count} tidak diambil</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Package for field survey</source>
        <translation>Paket untuk survei lapangan</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Writes a folder that QField opens as is, for one surveyor: a QGIS project (survey.qgz) with the service points and tower plans of the area, styled and with the plugin&apos;s forms, the desa and kecamatan outlines and an optional basemap; the sites in survey.gpkg with the workspace&apos;s rules; and manifest.json. &apos;Kecamatan&apos; (KECAMATAN): names or codes, comma-separated (e.g. Long Ikis, 64.01.07); empty: the whole regency. The package holds every site whose desa lies in them, pending towers included. &apos;Surveyor&apos; (SURVEYOR) is written into surveyed_by of the sites added in the field. &apos;Basemap&apos; (BASEMAP, optional): a raster is cut to the area into a GeoTIFF; a tile or web map service (XYZ, WMS) is rendered into MBTiles from &apos;Basemap: lowest zoom&apos; (BASEMAP_ZOOM_MIN) to &apos;Basemap: highest zoom&apos; (BASEMAP_ZOOM_MAX) — it needs the network, and the service&apos;s terms must allow offline copies. &apos;Package folder or .zip&apos; (OUTPUT): a new or empty folder, or a path ending in .zip for the same folder zipped; an existing package is never written over. The package&apos;s base is the workspace&apos;s state now: what the surveyor changes is merged back later, field by field. Nothing is written to the output until the package is complete.</source>
        <translation>Menulis folder yang langsung dapat dibuka QField, untuk satu surveyor: proyek QGIS (survey.qgz) berisi titik layanan dan rencana menara wilayah itu, dengan simbol dan formulir plugin, batas desa dan kecamatan serta peta dasar opsional; lokasi-lokasi dalam survey.gpkg dengan aturan ruang kerja; dan manifest.json. &apos;Kecamatan&apos; (KECAMATAN): nama atau kode, dipisahkan koma (mis. Long Ikis, 64.01.07); kosong: seluruh kabupaten. Paket memuat setiap lokasi yang desanya berada di sana, termasuk menara yang tertunda. &apos;Surveyor&apos; (SURVEYOR) ditulis ke surveyed_by pada lokasi yang ditambahkan di lapangan. &apos;Peta dasar&apos; (BASEMAP, opsional): raster dipotong sesuai wilayah menjadi GeoTIFF; layanan ubin atau peta web (XYZ, WMS) dirender menjadi MBTiles dari &apos;Peta dasar: zoom terendah&apos; (BASEMAP_ZOOM_MIN) sampai &apos;Peta dasar: zoom tertinggi&apos; (BASEMAP_ZOOM_MAX) — ini memerlukan jaringan, dan ketentuan layanan harus mengizinkan salinan luring. &apos;Folder paket atau .zip&apos; (OUTPUT): folder baru atau kosong, atau jalur berakhiran .zip untuk folder yang sama dalam bentuk zip; paket yang sudah ada tidak pernah ditimpa. Dasar paket adalah keadaan ruang kerja saat ini: perubahan surveyor nanti digabungkan kembali per isian. Tidak ada yang ditulis ke keluaran sampai paket lengkap.</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Kecamatan (names or codes, comma-separated; empty: the whole regency)</source>
        <translation>Kecamatan (nama atau kode, dipisahkan koma; kosong: seluruh kabupaten)</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Basemap: lowest zoom</source>
        <translation>Peta dasar: zoom terendah</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Basemap: highest zoom</source>
        <translation>Peta dasar: zoom tertinggi</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Package folder or .zip</source>
        <translation>Folder paket atau .zip</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Content hash of the package&apos;s base</source>
        <translation>Hash isi dasar paket</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Service points packaged</source>
        <translation>Titik layanan yang dikemas</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Tower plans packaged</source>
        <translation>Rencana menara yang dikemas</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Packaging {area} for {surveyor}</source>
        <translation>Mengemas {area} untuk {surveyor}</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Cutting the basemap {name} to the area</source>
        <translation>Memotong peta dasar {name} sesuai wilayah</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Paser Smart City field survey: {area}, {surveyor}</source>
        <translation>Survei lapangan Paser Smart City: {area}, {surveyor}</translation>
    </message>
    <message>
        <location filename="../processing/package_for_field.py"/>
        <source>Field package written: {path} ({points} service points, {towers} tower plans)</source>
        <translation>Paket lapangan ditulis: {path} ({points} titik layanan, {towers} rencana menara)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Gives a site its coordinates, or creates a new service point. &apos;Existing site&apos; (SITE) is the uid or the exact name of an existing site (service point or tower); leave it empty for a new service point and give &apos;Name of a new service point&apos; (NAME), &apos;Category code of a new service point&apos; (CATEGORY, e.g. sekolah) and optionally &apos;Desa code&apos; (DESA_CODE; empty: the suggested desa; for an existing site it corrects its desa). &apos;Coordinates&apos; (COORDINATES) is text in any supported format: decimal degrees (dot or decimal comma, lat/lon in either order), DMS or DDM with LS/LU/BT/BB or S/N/E/W, UTM 50S (EPSG:32750, EPSG:9490) or TM-3 50.1 (EPSG:23837) easting/northing. &apos;CRS of projected coordinates&apos; (CRS) forces a projected reading, or names the datum of degrees (EPSG:4755 DGN95, EPSG:9470 SRGI2013). &apos;Coordinate source code&apos; (SOURCE) is a coord_source code (gps_survey, map, telkom, gazetteer, import, other) and sets coord_status: gps_survey/telkom/import -&gt; surveyed, others -&gt; approximate. A pending tower becomes coordinates_set. Errors (outside Paser, a forgotten minus sign, swapped latitude/longitude...) stop the algorithm; warnings (a site within the duplicate distance, a desa that differs from the suggested one) stop it too unless &apos;Accept warnings&apos; (FORCE) is set. Everything is written in one transaction.</source>
        <translation>Memberi koordinat pada sebuah lokasi, atau membuat titik layanan baru. &apos;Lokasi yang ada&apos; (SITE) adalah uid atau nama persis lokasi yang ada (titik layanan atau menara); kosongkan untuk titik layanan baru dan isi &apos;Nama titik layanan baru&apos; (NAME), kode kategori titik layanan baru (CATEGORY, mis. sekolah) serta bila perlu &apos;Kode desa&apos; (DESA_CODE; kosong: desa yang disarankan; untuk lokasi yang ada, kode ini mengoreksi desanya). &apos;Koordinat&apos; (COORDINATES) adalah teks dalam format apa pun yang didukung: derajat desimal (titik atau koma desimal, lintang/bujur dalam urutan mana pun), DMS atau DDM dengan LS/LU/BT/BB atau S/N/E/W, easting/northing UTM 50S (EPSG:32750, EPSG:9490) atau TM-3 50.1 (EPSG:23837). CRS koordinat proyeksi (CRS) memaksa pembacaan sebagai koordinat proyeksi, atau menyebut datum derajatnya (EPSG:4755 DGN95, EPSG:9470 SRGI2013). &apos;Kode sumber koordinat&apos; (SOURCE) adalah kode coord_source (gps_survey, map, telkom, gazetteer, import, other) dan menentukan coord_status: gps_survey/telkom/import -&gt; surveyed, lainnya -&gt; approximate. Menara yang koordinatnya belum ada menjadi coordinates_set. Galat (di luar Paser, tanda minus terlupa, lintang/bujur tertukar...) menghentikan algoritma; peringatan (lokasi lain dalam jarak duplikat, desa yang berbeda dari yang disarankan) juga menghentikannya kecuali &apos;Terima peringatan&apos; (FORCE) diaktifkan. Semuanya ditulis dalam satu transaksi.</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Existing site (uid or exact name; empty for a new service point)</source>
        <translation>Lokasi yang ada (uid atau nama persis; kosong untuk titik layanan baru)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Name of a new service point</source>
        <translation>Nama titik layanan baru</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Category code of a new service point (e.g. sekolah)</source>
        <translation>Kode kategori titik layanan baru (mis. sekolah)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Desa code (empty: the suggested desa)</source>
        <translation>Kode desa (kosong: desa yang disarankan)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Accuracy (m)</source>
        <translation>Akurasi (m)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Coordinate source code</source>
        <translation>Kode sumber koordinat</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Site uid</source>
        <translation>UID lokasi</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Latitude (WGS 84)</source>
        <translation>Lintang (WGS 84)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Longitude (WGS 84)</source>
        <translation>Bujur (WGS 84)</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Desa code</source>
        <translation>Kode desa</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Warnings accepted</source>
        <translation>Peringatan diterima</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>The CRS must be one with an EPSG code</source>
        <translation>CRS harus memiliki kode EPSG</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Not written — warnings (set FORCE to accept them):</source>
        <translation>Tidak ditulis — ada peringatan (aktifkan FORCE untuk menerimanya):</translation>
    </message>
    <message>
        <location filename="../processing/register_coordinates.py"/>
        <source>Coordinates registered for {uid}: {lat:.7f}, {lon:.7f}</source>
        <translation>Koordinat didaftarkan untuk {uid}: {lat:.7f}, {lon:.7f}</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Synchronises the workspace with the regency&apos;s central database over OGC API – Features. Pulls every site changed centrally since the last sync and merges it field by field with the edits made here; the same field changed on both sides becomes a conflict to resolve (Paser Smart City ▸ Sync conflicts). With &apos;Send local edits&apos; (PUSH), local edits, new and deleted sites are sent (the server must support OGC API – Features Part 4; otherwise the sync only pulls and says so). &apos;Central server URL&apos; (URL) is the landing page of the service, e.g. https://gis.paserkab.go.id/wfs3; &apos;Authentication&apos; (AUTHCFG) is a QGIS authentication configuration (Basic, EsriToken or OAuth2); a URL with a user name or password in it is refused, so that they are never stored in the workspace. &apos;Collection of service points&apos; (SERVICE_POINTS_COLLECTION) and &apos;Collection of tower plans&apos; (TOWER_PLANS_COLLECTION) name the server&apos;s collections when the sync cannot find them by itself (e.g. public.service_points); the collections used are in SUMMARY. Left empty, these come from the plugin settings, and so does &apos;Network timeout&apos; (TIMEOUT) when it is not given: it is the longest the sync waits for one request, retries included. &apos;Full re-check of every site&apos; (FULL) compares every site with the central database, not only what changed since the last sync (use it after the server&apos;s clock was wrong; the sync also does it by itself when it sees the server&apos;s clock went back). Everything pulled is applied in one transaction: a failure or a cancel leaves the workspace as it was. Several officers may sync at the same time: an edit is written only over the central version it was merged with, so no colleague&apos;s edit is overwritten.</source>
        <translation>Menyinkronkan ruang kerja dengan basis data pusat kabupaten melalui OGC API – Features. Mengambil setiap lokasi yang diubah di pusat sejak sinkronisasi terakhir dan menggabungkannya kolom demi kolom dengan suntingan di sini; kolom yang sama yang diubah di kedua sisi menjadi konflik yang harus diselesaikan (Paser Smart City ▸ Konflik sinkronisasi). Dengan &apos;Kirim suntingan lokal&apos; (PUSH), suntingan lokal, lokasi baru dan lokasi yang dihapus dikirim (server harus mendukung OGC API – Features Part 4; jika tidak, sinkronisasi hanya mengambil data dan memberitahukannya). &apos;URL server pusat&apos; (URL) adalah halaman awal layanan, mis. https://gis.paserkab.go.id/wfs3; &apos;Autentikasi&apos; (AUTHCFG) adalah konfigurasi autentikasi QGIS (Basic, EsriToken atau OAuth2); URL yang memuat nama pengguna atau kata sandi ditolak, agar keduanya tidak pernah tersimpan di ruang kerja. &apos;Koleksi titik layanan&apos; (SERVICE_POINTS_COLLECTION) dan &apos;Koleksi rencana menara&apos; (TOWER_PLANS_COLLECTION) menyebutkan koleksi server bila sinkronisasi tidak dapat menemukannya sendiri (mis. public.service_points); koleksi yang dipakai tercantum di SUMMARY. Bila dikosongkan, semuanya diambil dari pengaturan plugin, begitu pula &apos;Batas waktu jaringan&apos; (TIMEOUT) bila tidak diisi: itulah waktu terlama sinkronisasi menunggu satu permintaan, termasuk percobaan ulang. &apos;Periksa ulang setiap lokasi&apos; (FULL) membandingkan setiap lokasi dengan basis data pusat, tidak hanya yang berubah sejak sinkronisasi terakhir (gunakan setelah jam server salah; sinkronisasi juga melakukannya sendiri bila melihat jam server dimundurkan). Semua yang diambil diterapkan dalam satu transaksi: kegagalan atau pembatalan membiarkan ruang kerja seperti semula. Beberapa petugas boleh menyinkronkan pada saat yang sama: suntingan hanya ditulis di atas versi pusat yang digabungkan dengannya, sehingga tidak ada suntingan rekan yang tertimpa.</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Central server URL</source>
        <translation>URL server pusat</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Collection of service points</source>
        <translation>Koleksi titik layanan</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <location filename="../toolbelt/settings.py"/>
        <source>Collection of tower plans</source>
        <translation>Koleksi rencana menara</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Send local edits</source>
        <translation>Kirim suntingan lokal</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Network timeout</source>
        <translation>Batas waktu jaringan</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Full re-check of every site</source>
        <translation>Periksa ulang setiap lokasi</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Central changes applied</source>
        <translation>Perubahan dari pusat yang diterapkan</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Local changes sent</source>
        <translation>Perubahan lokal yang dikirim</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Summary per layer (JSON)</source>
        <translation>Ringkasan per lapisan (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>No central server URL: give &apos;Central server URL&apos; or set it in Settings &gt; Options &gt; Paser Smart City.</source>
        <translation>Tidak ada URL server pusat: isi &apos;URL server pusat&apos; atau atur di Pengaturan &gt; Opsi &gt; Paser Smart City.</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>Collections: {collections}</source>
        <translation>Koleksi: {collections}</translation>
    </message>
    <message>
        <location filename="../processing/sync.py"/>
        <source>{layer}: {pulled} pulled, {pushed} pushed, {conflicts} with conflicts</source>
        <translation>{layer}: {pulled} diambil, {pushed} dikirim, {conflicts} dengan konflik</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{name}: {value} is not one of {choices}</source>
        <translation>{name}: {value} bukan salah satu dari {choices}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Telkom exchange</source>
        <translation>Pertukaran data Telkom</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Both</source>
        <translation>Keduanya</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Automatic</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Writes a zip for Telkom: per layer a point shapefile (.shp .shx .dbf .prj, UTF-8 with .cpg), a schema note in Indonesian and English listing every column, its fixed shapefile name and its meaning, and a CSV of the sites without coordinates (pending towers), which a shapefile cannot hold. Column names are a fixed contract (uid -&gt; UID, telkom_site_id -&gt; SITE_ID, desa_code -&gt; KODE_DESA ...). Long text is cut to the DBF limit and every cut is listed, with the full text in a CSV; timestamps are ISO 8601 text. &apos;Selected sites only&apos; (SELECTED_ONLY) exports the sites selected on the workspace layers of the project. Needs the Python package geopandas.</source>
        <translation>Menulis zip untuk Telkom: per lapisan satu shapefile titik (.shp .shx .dbf .prj, UTF-8 dengan .cpg), catatan skema dalam bahasa Indonesia dan Inggris yang mencantumkan setiap kolom, nama kolomnya yang tetap di shapefile dan artinya, serta CSV lokasi tanpa koordinat (menara yang koordinatnya belum ada), yang tidak dapat dimuat shapefile. Nama kolom adalah kesepakatan tetap (uid -&gt; UID, telkom_site_id -&gt; SITE_ID, desa_code -&gt; KODE_DESA ...). Teks panjang dipotong sesuai batas DBF dan setiap pemotongan dicantumkan, dengan teks lengkapnya dalam CSV; stempel waktu berupa teks ISO 8601. &apos;Hanya lokasi yang dipilih&apos; (SELECTED_ONLY) mengekspor lokasi yang dipilih pada lapisan ruang kerja di proyek. Memerlukan paket Python geopandas.</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Coordinate reference system of the shapefiles</source>
        <translation>Sistem referensi koordinat shapefile</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Sites in the shapefiles</source>
        <translation>Lokasi dalam shapefile</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Sites without coordinates (CSV)</source>
        <translation>Lokasi tanpa koordinat (CSV)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Values cut to fit a shapefile</source>
        <translation>Nilai yang dipotong agar muat di shapefile</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>SELECTED_ONLY: no site of this workspace is selected in the project; select sites first</source>
        <translation>SELECTED_ONLY: tidak ada lokasi dari ruang kerja ini yang dipilih di proyek; pilih lokasi dulu</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{layer}: {sites}, {pending} without coordinates, {cuts}</source>
        <translation>{layer}: {sites}, {pending} tanpa koordinat, {cuts}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{count} value cut</source>
        <translation>{count} nilai dipotong</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{count} values cut</source>
        <translation>{count} nilai dipotong</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Written with geopandas ({engine}): {path}</source>
        <translation>Ditulis dengan geopandas ({engine}): {path}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Reads a shapefile returned by Telkom (a .zip or a .shp: our own export edited, or Telkom&apos;s own layout) and matches its rows to the workspace sites by UID, then SITE_ID, then proximity (within the match distance) with a similar name. Without &apos;Apply the changes&apos; (APPLY) nothing is written: the &apos;Report&apos; (REPORT) lists per row the matched site, every field that would change (old -&gt; new), new sites and rejected rows with their reasons, and what deserves a look before applying as warnings: a site moved farther than &apos;Warn about moves beyond&apos; (MOVE_WARNING), a desa code whose desa does not hold the position. With &apos;Apply the changes&apos; (APPLY) all accepted changes are written in one transaction, except those listed in &apos;Leave out&apos; (SKIP): site uids or row numbers of the file (e.g. 12, 40-45), comma-separated. The text encoding comes from the .cpg, else UTF-8, else Windows-1252/Latin-1; coordinates are reprojected from the .prj. &apos;CRS of the shapefile when it has no .prj&apos; (SOURCE_CRS) is required when the .prj is missing. &apos;Column aliases&apos; (ALIASES) maps Telkom&apos;s column names to ours, e.g. SITE_ID=SITEID; NAMA=NAMA_LOKASI. Zips with unsafe paths, zip bombs, several shapefiles (choose one with &apos;Shapefile in the zip&apos;, MEMBER), missing or damaged parts and non-point geometries are refused. Needs the Python package geopandas.</source>
        <translation>Membaca shapefile yang dikembalikan Telkom (.zip atau .shp: hasil ekspor kita yang disunting, atau tata letak Telkom sendiri) dan mencocokkan barisnya dengan lokasi di ruang kerja berdasarkan UID, lalu SITE_ID, lalu kedekatan (dalam jarak pencocokan) dengan nama yang mirip. Tanpa menerapkan perubahan (APPLY) tidak ada yang ditulis: &apos;Laporan&apos; (REPORT) mencantumkan per baris lokasi yang cocok, setiap kolom yang akan berubah (lama -&gt; baru), lokasi baru dan baris yang ditolak beserta alasannya, serta peringatan untuk hal yang perlu diperiksa sebelum diterapkan: situs yang berpindah lebih jauh dari &apos;Peringatkan perpindahan lebih dari&apos; (MOVE_WARNING), kode desa yang desanya tidak memuat posisi itu. Dengan menerapkan perubahan (APPLY) semua perubahan yang diterima ditulis dalam satu transaksi, kecuali yang tercantum di &apos;Lewati&apos; (SKIP): uid situs atau nomor baris berkas (mis. 12, 40-45), dipisahkan koma. Pengodean teks diambil dari .cpg, jika tidak ada UTF-8, jika tidak Windows-1252/Latin-1; koordinat diproyeksikan ulang dari .prj. &apos;CRS shapefile bila tidak memiliki .prj&apos; (SOURCE_CRS) wajib diisi bila .prj tidak ada. Alias kolom (ALIASES) memetakan nama kolom Telkom ke nama kolom kita, mis. SITE_ID=SITEID; NAMA=NAMA_LOKASI. Zip dengan jalur tidak aman, bom zip, beberapa shapefile (pilih satu dengan MEMBER), bagian yang hilang atau rusak dan geometri selain titik ditolak. Memerlukan paket Python geopandas.</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Shapefile from Telkom (.zip or .shp)</source>
        <translation>Shapefile dari Telkom (.zip atau .shp)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Apply the changes (unchecked: preview only)</source>
        <translation>Terapkan perubahan (tidak dicentang: hanya pratinjau)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>CRS of the shapefile when it has no .prj</source>
        <translation>CRS shapefile bila tidak memiliki .prj</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Shapefile in the zip (when it holds several)</source>
        <translation>Shapefile di dalam zip (bila zip berisi beberapa)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Workspace layer</source>
        <translation>Lapisan ruang kerja</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Column aliases (OUR_NAME=THEIRS,THEIRS; ...)</source>
        <translation>Alias kolom (NAMA_KITA=NAMA_MEREKA,NAMA_MEREKA; ...)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Match distance (m)</source>
        <translation>Jarak pencocokan (m)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Warn about moves beyond (m)</source>
        <translation>Peringatkan perpindahan lebih dari (m)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Leave out (site uids or row numbers of the file, e.g. 12, 40-45)</source>
        <translation>Lewati (uid situs atau nomor baris berkas, mis. 12, 40-45)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Rows matched to a site</source>
        <translation>Baris yang cocok dengan lokasi</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Sites with changes</source>
        <translation>Lokasi yang berubah</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Changes with warnings</source>
        <translation>Perubahan berperingatan</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>Changes left out</source>
        <translation>Perubahan yang dilewati</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>ALIASES: {error}</source>
        <translation>ALIASES: {error}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{name} -&gt; {layer}: {rows}, {encoding}, {crs}; ignored columns: {ignored}</source>
        <translation>{name} -&gt; {layer}: {rows}, {encoding}, {crs}; kolom diabaikan: {ignored}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{file} row {row}: rejected: {reasons}</source>
        <translation>{file} baris {row}: ditolak: {reasons}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{file} row {row} ({site}): check before applying: {warnings}</source>
        <translation>{file} baris {row} ({site}): periksa sebelum menerapkan: {warnings}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>SKIP is used when the changes are applied (APPLY)</source>
        <translation>SKIP dipakai saat perubahan diterapkan (APPLY)</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>{matched} matched, {updated} with changes, {new} new, {rejected} rejected, {warned} with warnings; {what}</source>
        <translation>{matched} cocok, {updated} berubah, {new} baru, {rejected} ditolak, {warned} berperingatan; {what}</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>applied, {count} left out</source>
        <translation>diterapkan, {count} dilewati</translation>
    </message>
    <message>
        <location filename="../processing/telkom.py"/>
        <source>applied</source>
        <translation>diterapkan</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>Paser Smart City — Help</source>
        <translation>Paser Smart City — Bantuan</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>No web browser could be started, so the page is shown here. It is the file {path}</source>
        <translation>Tidak ada peramban web yang dapat dijalankan, jadi halaman ditampilkan di sini. Berkasnya adalah {path}</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../toolbelt/help.py"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../toolbelt/logger.py"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the QGIS authentication configuration {id} does not exist in this profile</source>
        <translation>konfigurasi autentikasi QGIS {id} tidak ada di profil ini</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the authentication configuration {label} uses the {method} method; the sync supports {methods}</source>
        <translation>konfigurasi autentikasi {label} memakai metode {method}; sinkronisasi mendukung {methods}</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>QGIS could not apply the authentication configuration {label} (is the master password entered?)</source>
        <translation>QGIS tidak dapat menerapkan konfigurasi autentikasi {label} (apakah kata sandi induk sudah dimasukkan?)</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the authentication configuration {label} gave no credentials (an OAuth2 configuration must have been authorised in QGIS once)</source>
        <translation>konfigurasi autentikasi {label} tidak memberikan kredensial (konfigurasi OAuth2 harus pernah diotorisasi di QGIS)</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the QGIS proxy type {kind} is not supported by the sync; use an HTTP proxy</source>
        <translation>jenis proksi QGIS {kind} tidak didukung oleh sinkronisasi; gunakan proksi HTTP</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the URL holds no user name or password</source>
        <translation>URL tidak memuat nama pengguna atau kata sandi</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the QGIS authentication system is not available: {reason}</source>
        <translation>sistem autentikasi QGIS tidak tersedia: {reason}</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>the QGIS master password was not entered: nothing was stored</source>
        <translation>kata sandi induk QGIS tidak dimasukkan: tidak ada yang disimpan</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>Paser Smart City central ({host})</source>
        <translation>Server pusat Paser Smart City ({host})</translation>
    </message>
    <message>
        <location filename="../toolbelt/network.py"/>
        <source>QGIS could not store the authentication configuration</source>
        <translation>QGIS tidak dapat menyimpan konfigurasi autentikasi</translation>
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
        <source>Telkom move warning beyond (m)</source>
        <translation>Peringatan perpindahan Telkom lebih dari (m)</translation>
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
        <source>{setting} must be a collection id of the server, without spaces or &apos;/&apos;: {value}</source>
        <translation>{setting} harus berupa ID koleksi server, tanpa spasi atau &apos;/&apos;: {value}</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py"/>
        <source>{setting} must be between {low} and {high}, not {value}</source>
        <translation>{setting} harus antara {low} dan {high}, bukan {value}</translation>
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
        <source>The central server URL contains a user name or password: they would be kept in the workspace and shown in logs. Use {url} and put the user name and password into a QGIS authentication configuration (Authentication: add a Basic configuration).</source>
        <translation>URL server pusat memuat nama pengguna atau kata sandi: keduanya akan tersimpan di ruang kerja dan tampil di log. Gunakan {url} dan simpan nama pengguna serta kata sandi di konfigurasi autentikasi QGIS (Autentikasi: tambahkan konfigurasi Basic).</translation>
    </message>
    <message>
        <source>{collection}: the server refuses its own offset pages and its datetime filter does not select on updated_at, so the features cannot be paged ({problem})</source>
        <translation type="obsolete">{collection}: server menolak halaman offset-nya sendiri dan filter datetime-nya tidak menyaring updated_at, sehingga fitur tidak dapat diambil per halaman ({problem})</translation>
    </message>
    <message>
        <source>the server at {url} has no collection {collections}: publish both central tables (see central/)</source>
        <translation type="obsolete">server di {url} tidak memiliki koleksi {collections}: terbitkan kedua tabel pusat (lihat central/)</translation>
    </message>
    <message>
        <source>Sync failed: {error}</source>
        <translation type="obsolete">Sinkronisasi gagal: {error}</translation>
    </message>
    <message>
        <source>Synchronises the workspace with the regency&apos;s central database over OGC API – Features. Pulls every site changed centrally since the last sync and merges it field by field with the edits made here; the same field changed on both sides becomes a conflict to resolve (Paser Smart City ▸ Sync conflicts). With &apos;Send local edits&apos; (PUSH), local edits, new and deleted sites are sent (the server must support OGC API – Features Part 4; otherwise the sync only pulls and says so). &apos;Central server URL&apos; (URL) is the landing page of the service, e.g. https://gis.paserkab.go.id/wfs3; &apos;Authentication&apos; (AUTHCFG) is a QGIS authentication configuration (Basic, EsriToken or OAuth2). Left empty, both come from the plugin settings, and so does &apos;Network timeout&apos; (TIMEOUT) when it is not given: it is the longest the sync waits for one request, retries included. &apos;Full re-check of every site&apos; (FULL) compares every site with the central database, not only what changed since the last sync (use it after the server&apos;s clock was wrong; the sync also does it by itself when it sees the server&apos;s clock went back). Everything pulled is applied in one transaction: a failure or a cancel leaves the workspace as it was. Several officers may sync at the same time: an edit is written only over the central version it was merged with, so no colleague&apos;s edit is overwritten.</source>
        <translation type="obsolete">Menyinkronkan ruang kerja dengan basis data pusat kabupaten melalui OGC API – Features. Mengambil setiap lokasi yang diubah di pusat sejak sinkronisasi terakhir dan menggabungkannya kolom demi kolom dengan suntingan di sini; kolom yang sama yang diubah di kedua sisi menjadi konflik yang harus diselesaikan (Paser Smart City ▸ Konflik sinkronisasi). Dengan &apos;Kirim suntingan lokal&apos; (PUSH), suntingan lokal, lokasi baru dan lokasi yang dihapus dikirim (server harus mendukung OGC API – Features Part 4; jika tidak, sinkronisasi hanya mengambil data dan memberitahukannya). &apos;URL server pusat&apos; (URL) adalah halaman awal layanan, mis. https://gis.paserkab.go.id/wfs3; &apos;Autentikasi&apos; (AUTHCFG) adalah konfigurasi autentikasi QGIS (Basic, EsriToken atau OAuth2). Bila dikosongkan, keduanya diambil dari pengaturan plugin, begitu pula &apos;Batas waktu jaringan&apos; (TIMEOUT) bila tidak diisi: itulah waktu terlama sinkronisasi menunggu satu permintaan, termasuk percobaan ulang. &apos;Periksa ulang setiap lokasi&apos; (FULL) membandingkan setiap lokasi dengan basis data pusat, tidak hanya yang berubah sejak sinkronisasi terakhir (gunakan setelah jam server salah; sinkronisasi juga melakukannya sendiri bila melihat jam server dimundurkan). Semua yang diambil diterapkan dalam satu transaksi: kegagalan atau pembatalan membiarkan ruang kerja seperti semula. Beberapa petugas boleh menyinkronkan pada saat yang sama: suntingan hanya ditulis di atas versi pusat yang digabungkan dengannya, sehingga tidak ada suntingan rekan yang tertimpa.</translation>
    </message>
    <message>
        <source>the zip unpacks to more than {mb} MB; it is refused (a zip bomb or far more than a shapefile exchange needs)</source>
        <translation type="obsolete">zip terurai menjadi lebih dari {mb} MB; zip ditolak (bom zip atau jauh melebihi kebutuhan pertukaran shapefile)</translation>
    </message>
    <message>
        <source>At last sync</source>
        <translation type="obsolete">Saat sinkronisasi terakhir</translation>
    </message>
    <message>
        <source>Central</source>
        <translation type="obsolete">Pusat</translation>
    </message>
    <message>
        <source>The same field was changed here and in the central database. Choose per field which value to keep; your choice is sent with the next sync.</source>
        <translation type="obsolete">Kolom yang sama diubah di sini dan di basis data pusat. Pilih untuk setiap kolom nilai mana yang dipertahankan; pilihan Anda dikirim pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>{layer}: unknown field(s) {fields}</source>
        <translation type="obsolete">{layer}: kolom tidak dikenal {fields}</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="obsolete">Renc.</translation>
    </message>
    <message>
        <source>Surv.</source>
        <translation type="obsolete">Surv.</translation>
    </message>
    <message>
        <source>Inst.</source>
        <translation type="obsolete">Pasang</translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="obsolete">Aktif</translation>
    </message>
    <message>
        <source>Disr.</source>
        <translation type="obsolete">Gangg.</translation>
    </message>
    <message>
        <source>Inact.</source>
        <translation type="obsolete">Nonakt.</translation>
    </message>
    <message>
        <source>No coord.</source>
        <translation type="obsolete">Tanpa koord.</translation>
    </message>
    <message>
        <source>Coord.</source>
        <translation type="obsolete">Koord.</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation type="obsolete">Izin</translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="obsolete">Bangun</translation>
    </message>
    <message>
        <source>On air</source>
        <translation type="obsolete">Mengudara</translation>
    </message>
    <message>
        <source>Canc.</source>
        <translation type="obsolete">Batal</translation>
    </message>
    <message>
        <source>{registered} of {target} service points registered ({share:.0%}), {active} active ({active_share:.0%} of the target); {towers} towers. Source: {source}</source>
        <translation type="obsolete">{registered} dari {target} titik layanan terdaftar ({share:.0%}), {active} aktif ({active_share:.0%} dari target); {towers} menara. Sumber: {source}</translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="obsolete">Titik</translation>
    </message>
    <message>
        <source> (target {target})</source>
        <translation type="obsolete"> (target {target})</translation>
    </message>
    <message>
        <source>Any format, e.g. -1,9023; 116,1892 · 1°54&apos;08&quot; LS 116°11&apos;21&quot; BT · 457123 9789654 with a UTM or TM-3 format</source>
        <translation type="obsolete">Format apa pun, mis. -1,9023; 116,1892 · 1°54&apos;08&quot; LS 116°11&apos;21&quot; BT · 457123 9789654 dengan format UTM atau TM-3</translation>
    </message>
    <message>
        <source>DMS</source>
        <translation type="obsolete">DMS</translation>
    </message>
    <message>
        <source>Suggested desa: {desa}</source>
        <translation type="obsolete">Desa yang disarankan: {desa}</translation>
    </message>
    <message>
        <source>Click the site on the map</source>
        <translation type="obsolete">Klik lokasi di peta</translation>
    </message>
    <message>
        <source>Position picked on the map; accuracy {metres:.1f} m, one screen pixel at this scale: zoom in for a better one</source>
        <translation type="obsolete">Posisi dipilih di peta; akurasi {metres:.1f} m, satu piksel layar pada skala ini: perbesar peta untuk hasil yang lebih baik</translation>
    </message>
    <message>
        <source>Saved: {lat:.7f}, {lon:.7f}</source>
        <translation type="obsolete">Tersimpan: {lat:.7f}, {lon:.7f}</translation>
    </message>
    <message>
        <source>{layer}: {pulled} pulled, {pushed} pushed, {conflicts} conflicts</source>
        <translation type="obsolete">{layer}: {pulled} diambil, {pushed} dikirim, {conflicts} konflik</translation>
    </message>
    <message>
        <source>Nothing written: {count} row(s) rejected and ALL_OR_NOTHING is set</source>
        <translation type="obsolete">Tidak ada yang ditulis: {count} baris ditolak dan ALL_OR_NOTHING diaktifkan</translation>
    </message>
    <message>
        <source>{inserted} new service point(s), {updated} site(s) updated, {rejected} row(s) rejected</source>
        <translation type="obsolete">{inserted} titik layanan baru, {updated} lokasi diperbarui, {rejected} baris ditolak</translation>
    </message>
    <message>
        <source>reading XLSX needs the Python package openpyxl; save the sheet as CSV</source>
        <translation type="obsolete">membaca XLSX memerlukan paket Python openpyxl; simpan lembar kerja sebagai CSV</translation>
    </message>
    <message>
        <source>Imports a spreadsheet (CSV or XLSX) of sites with coordinates. Columns are recognised by their header, in Indonesian or English: nama/name, kategori/category, koordinat/coordinates (one column, any supported format) or lintang/latitude and bujur/longitude (two columns), desa (name or code), kecamatan, akurasi/accuracy, sumber/source, surveyor, tanggal/date, catatan/notes, uid. A row whose uid or exact name is an existing site gives that site its coordinates; any other row is a new service point. Every valid row is written in one transaction and the &apos;Report&apos; (REPORT; CSV: row, outcome, message) lists each rejected row with its reason; with &apos;Write nothing when any row is rejected&apos; (ALL_OR_NOTHING) nothing is written when any row is rejected. Rows with warnings only are rejected unless &apos;Accept warnings&apos; (FORCE) is set.</source>
        <translation type="obsolete">Mengimpor tabel (CSV atau XLSX) berisi lokasi beserta koordinatnya. Kolom dikenali dari judulnya, dalam bahasa Indonesia atau Inggris: nama/name, kategori/category, koordinat/coordinates (satu kolom, format apa pun yang didukung) atau lintang/latitude dan bujur/longitude (dua kolom), desa (nama atau kode), kecamatan, akurasi/accuracy, sumber/source, surveyor, tanggal/date, catatan/notes, uid. Baris yang uid atau nama persisnya sama dengan lokasi yang ada memberi koordinat pada lokasi itu; baris lainnya menjadi titik layanan baru. Semua baris yang valid ditulis dalam satu transaksi dan &apos;Laporan&apos; (REPORT; CSV: baris, hasil, pesan) mencantumkan setiap baris yang ditolak beserta alasannya; dengan &apos;Jangan tulis apa pun bila ada baris yang ditolak&apos; (ALL_OR_NOTHING) tidak ada yang ditulis bila ada satu baris pun yang ditolak. Baris yang hanya memiliki peringatan ditolak kecuali &apos;Terima peringatan&apos; (FORCE) diaktifkan.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt)</source>
        <translation type="obsolete">Tabel (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>TLS verification of {host} failed: {reason}</source>
        <translation type="obsolete">verifikasi TLS {host} gagal: {reason}</translation>
    </message>
    <message>
        <source>{layer} {uid}: the server holds {count} copies after the push</source>
        <translation type="obsolete">{layer} {uid}: server menyimpan {count} salinan setelah pengiriman</translation>
    </message>
    <message>
        <source>{layer} {uid} ({name}): the server did not store {values}</source>
        <translation type="obsolete">{layer} {uid} ({name}): server tidak menyimpan {values}</translation>
    </message>
    <message>
        <source>Synchronises the workspace with the regency&apos;s central database over OGC API – Features. Pulls every site changed centrally since the last sync and merges it field by field with the edits made here; the same field changed on both sides becomes a conflict to resolve (Paser Smart City ▸ Sync conflicts). With &apos;Send local edits&apos; (PUSH), local edits, new and deleted sites are sent (the server must support OGC API – Features Part 4; otherwise the sync only pulls and says so). &apos;Central server URL&apos; (URL) is the landing page of the service, e.g. https://gis.paserkab.go.id/wfs3; &apos;Authentication&apos; (AUTHCFG) is a QGIS authentication configuration (Basic, EsriToken or OAuth2). Left empty, both come from the plugin settings, and so does &apos;Network timeout&apos; (TIMEOUT) when it is not given. Everything pulled is applied in one transaction: a failure or a cancel leaves the workspace as it was.</source>
        <translation type="obsolete">Menyinkronkan ruang kerja dengan basis data pusat kabupaten melalui OGC API – Features. Mengambil setiap lokasi yang diubah di pusat sejak sinkronisasi terakhir dan menggabungkannya kolom demi kolom dengan suntingan di sini; kolom yang sama yang diubah di kedua sisi menjadi konflik yang harus diselesaikan (Paser Smart City ▸ Konflik sinkronisasi). Dengan &apos;Kirim suntingan lokal&apos; (PUSH), suntingan lokal, lokasi baru dan lokasi yang dihapus dikirim (server harus mendukung OGC API – Features Part 4; jika tidak, sinkronisasi hanya mengambil data dan memberitahukannya). &apos;URL server pusat&apos; (URL) adalah halaman awal layanan, mis. https://gis.paserkab.go.id/wfs3; &apos;Autentikasi&apos; (AUTHCFG) adalah konfigurasi autentikasi QGIS (Basic, EsriToken atau OAuth2). Bila dikosongkan, keduanya diambil dari pengaturan plugin, begitu pula &apos;Batas waktu jaringan&apos; (TIMEOUT) bila tidak diisi. Semua yang diambil diterapkan dalam satu transaksi: kegagalan atau pembatalan membiarkan ruang kerja seperti semula.</translation>
    </message>
    <message>
        <source>{desa}, Kecamatan {kecamatan} ({code}) — approximate: nearest desa centre, {km} km</source>
        <translation type="obsolete">{desa}, Kecamatan {kecamatan} ({code}) — perkiraan: pusat desa terdekat, {km} km</translation>
    </message>
    <message>
        <source>Leave out: site uids or row numbers of the file (e.g. 12, 40-45)</source>
        <translation type="obsolete">Lewati: uid situs atau nomor baris berkas (mis. 12, 40-45)</translation>
    </message>
    <message>
        <source>the name is longer than 254 characters</source>
        <translation type="obsolete">nama lebih panjang dari 254 karakter</translation>
    </message>
    <message>
        <source>category “{category}” is not one of {codes}</source>
        <translation type="obsolete">kategori “{category}” bukan salah satu dari {codes}</translation>
    </message>
    <message>
        <source>source “{source}” is not one of {codes}</source>
        <translation type="obsolete">sumber “{source}” bukan salah satu dari {codes}</translation>
    </message>
    <message>
        <source>accuracy {value} m must be a number of metres, 0 or more</source>
        <translation type="obsolete">akurasi {value} m harus berupa angka meter, 0 atau lebih</translation>
    </message>
    <message>
        <source>{code} is not a desa/kelurahan code of Kabupaten Paser</source>
        <translation type="obsolete">{code} bukan kode desa/kelurahan di Kabupaten Paser</translation>
    </message>
    <message>
        <source>{layer}: {features} sites, {pending} without coordinates, {cuts} values cut</source>
        <translation type="obsolete">{layer}: {features} lokasi, {pending} tanpa koordinat, {cuts} nilai dipotong</translation>
    </message>
    <message>
        <source>{name} -&gt; {layer}: {features} rows, {encoding}, {crs}; ignored columns: {ignored}</source>
        <translation type="obsolete">{name} -&gt; {layer}: {features} baris, {encoding}, {crs}; kolom diabaikan: {ignored}</translation>
    </message>
    <message>
        <source>Telkom package written: {path} ({features} sites, {pending} without coordinates)</source>
        <translation type="obsolete">Paket Telkom ditulis: {path} ({features} lokasi, {pending} tanpa koordinat)</translation>
    </message>
    <message>
        <source>{name} → {layer} ({features} rows, {encoding}, {crs})</source>
        <translation type="obsolete">{name} → {layer} ({features} baris, {encoding}, {crs})</translation>
    </message>
    <message>
        <source>{sources}
{matched} rows matched to a site, {updated} of them with changes; {new} new sites; {rejected} rows rejected. Nothing has been written yet.</source>
        <translation type="obsolete">{sources}
{matched} baris cocok dengan lokasi, {updated} di antaranya berubah; {new} lokasi baru; {rejected} baris ditolak. Belum ada yang ditulis.</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation type="obsolete">Alasan / catatan</translation>
    </message>
    <message>
        <source>Telkom import applied: {updated} sites updated, {new} new</source>
        <translation type="obsolete">Impor Telkom diterapkan: {updated} lokasi diperbarui, {new} baru</translation>
    </message>
    <message>
        <source>Reads a shapefile returned by Telkom (a .zip or a .shp: our own export edited, or Telkom&apos;s own layout) and matches its rows to the workspace sites by UID, then SITE_ID, then proximity (within the match distance) with a similar name. Without &apos;Apply the changes&apos; (APPLY) nothing is written: the &apos;Report&apos; (REPORT) lists per row the matched site, every field that would change (old -&gt; new), new sites and rejected rows with their reasons. With &apos;Apply the changes&apos; (APPLY) all accepted changes are written in one transaction. The text encoding comes from the .cpg, else UTF-8, else Windows-1252/Latin-1; coordinates are reprojected from the .prj. &apos;CRS of the shapefile when it has no .prj&apos; (SOURCE_CRS) is required when the .prj is missing. &apos;Column aliases&apos; (ALIASES) maps Telkom&apos;s column names to ours, e.g. SITE_ID=SITEID; NAMA=NAMA_LOKASI. Zips with unsafe paths, zip bombs, several shapefiles (choose one with &apos;Shapefile in the zip&apos;, MEMBER), missing or damaged parts and non-point geometries are refused. Needs the Python package geopandas.</source>
        <translation type="obsolete">Membaca shapefile yang dikembalikan Telkom (.zip atau .shp: hasil ekspor kita yang disunting, atau tata letak Telkom sendiri) dan mencocokkan barisnya dengan lokasi di ruang kerja berdasarkan UID, lalu SITE_ID, lalu kedekatan (dalam jarak pencocokan) dengan nama yang mirip. Tanpa menerapkan perubahan (APPLY) tidak ada yang ditulis: &apos;Laporan&apos; (REPORT) mencantumkan per baris lokasi yang cocok, setiap kolom yang akan berubah (lama -&gt; baru), lokasi baru dan baris yang ditolak beserta alasannya. Dengan menerapkan perubahan (APPLY) semua perubahan yang diterima ditulis dalam satu transaksi. Pengodean teks diambil dari .cpg, jika tidak ada UTF-8, jika tidak Windows-1252/Latin-1; koordinat diproyeksikan ulang dari .prj. &apos;CRS shapefile bila tidak memiliki .prj&apos; (SOURCE_CRS) wajib diisi bila .prj tidak ada. Alias kolom (ALIASES) memetakan nama kolom Telkom ke nama kolom kita, mis. SITE_ID=SITEID; NAMA=NAMA_LOKASI. Zip dengan jalur tidak aman, bom zip, beberapa shapefile (pilih satu dengan MEMBER), bagian yang hilang atau rusak dan geometri selain titik ditolak. Memerlukan paket Python geopandas.</translation>
    </message>
    <message>
        <source>{matched} matched, {updated} with changes, {new} new, {rejected} rejected; {what}</source>
        <translation type="obsolete">{matched} cocok, {updated} berubah, {new} baru, {rejected} ditolak; {what}</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation type="obsolete">{column}: {problem}</translation>
    </message>
    <message>
        <source>UID: {uid!r} is not a UUID</source>
        <translation type="obsolete">UID: {uid!r} bukan UUID</translation>
    </message>
    <message>
        <source>UID {uid} appears in rows {rows}</source>
        <translation type="obsolete">UID {uid} muncul di baris {rows}</translation>
    </message>
    <message>
        <source>SITE_ID {site_id} appears in rows {rows}</source>
        <translation type="obsolete">SITE_ID {site_id} muncul di baris {rows}</translation>
    </message>
    <message>
        <source>SITE_ID {site_id} is held by several sites: {names}</source>
        <translation type="obsolete">SITE_ID {site_id} dimiliki beberapa lokasi: {names}</translation>
    </message>
    <message>
        <source>KODE_DESA missing: {code} {name} from the nearest desa centre (approximate; check it)</source>
        <translation type="obsolete">KODE_DESA kosong: {code} {name} dari pusat desa terdekat (perkiraan; periksa)</translation>
    </message>
    <message>
        <source>{value!r} is not a date/time (use ISO 8601, e.g. 2022-08-17T09:30:00Z)</source>
        <translation type="obsolete">{value!r} bukan tanggal/waktu (gunakan ISO 8601, mis. 2022-08-17T09:30:00Z)</translation>
    </message>
    <message>
        <source>{value!r} is not a finite number</source>
        <translation type="obsolete">{value!r} bukan bilangan hingga</translation>
    </message>
    <message>
        <source>{value!r} is not a whole number</source>
        <translation type="obsolete">{value!r} bukan bilangan bulat</translation>
    </message>
    <message>
        <source>{value!r} is not a number</source>
        <translation type="obsolete">{value!r} bukan angka</translation>
    </message>
    <message>
        <source>{value!r} is not one of {codes}</source>
        <translation type="obsolete">{value!r} bukan salah satu dari {codes}</translation>
    </message>
    <message>
        <source>A desa/kelurahan code of Kabupaten Paser</source>
        <translation type="obsolete">Kode desa/kelurahan di Kabupaten Paser</translation>
    </message>
    <message>
        <source>The name is required</source>
        <translation type="obsolete">Nama wajib diisi</translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="obsolete">kosong</translation>
    </message>
    <message>
        <source>Not saved: {site}, {field} “{value}”: {problem}</source>
        <translation type="obsolete">Tidak disimpan: {site}, {field} “{value}”: {problem}</translation>
    </message>
    <message>
        <source>Check {site}, {field} “{value}”: {problem}</source>
        <translation type="obsolete">Periksa {site}, {field} “{value}”: {problem}</translation>
    </message>
    <message>
        <source>{layer}.{field} is required</source>
        <translation type="obsolete">{layer}.{field} wajib diisi</translation>
    </message>
    <message>
        <source>{layer}.{field}: {value!r} is not one of {codes}</source>
        <translation type="obsolete">{layer}.{field}: {value!r} bukan salah satu dari {codes}</translation>
    </message>
    <message>
        <source>{layer}.{field}: {value!r} is not a number</source>
        <translation type="obsolete">{layer}.{field}: {value!r} bukan angka</translation>
    </message>
    <message>
        <source>{layer}.{field}: {value!r} is not a finite number</source>
        <translation type="obsolete">{layer}.{field}: {value!r} bukan bilangan hingga</translation>
    </message>
    <message>
        <source>{layer}.{field}: {value!r} is not a whole number</source>
        <translation type="obsolete">{layer}.{field}: {value!r} bukan bilangan bulat</translation>
    </message>
    <message>
        <source>{layer}.{field}: {value!r} must not be negative</source>
        <translation type="obsolete">{layer}.{field}: {value!r} tidak boleh negatif</translation>
    </message>
    <message>
        <source>{layer}.{field}: longer than {width} characters</source>
        <translation type="obsolete">{layer}.{field}: lebih panjang dari {width} karakter</translation>
    </message>
    <message>
        <source>{layer}.desa_code: {code!r} is not a desa/kelurahan code of Kabupaten Paser</source>
        <translation type="obsolete">{layer}.desa_code: {code!r} bukan kode desa/kelurahan di Kabupaten Paser</translation>
    </message>
    <message>
        <source>{layer}.uid: {uid!r} is not a lower-case UUID</source>
        <translation type="obsolete">{layer}.uid: {uid!r} bukan UUID huruf kecil</translation>
    </message>
    <message>
        <source>{path} did not answer with a FeatureCollection</source>
        <translation type="obsolete">{path} tidak menjawab dengan FeatureCollection</translation>
    </message>
</context>
</TS>
