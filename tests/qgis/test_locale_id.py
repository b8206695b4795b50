"""With QGIS set to Indonesian, the plugin speaks Indonesian: menu, dialogs, Processing, layers."""

import importlib.util
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import QGroupBox, QLabel

import paser_smartcity_plugin
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.plugin import MENU_OBJECT_NAME
from paser_smartcity_plugin.toolbelt.i18n import tr

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)


@pytest.fixture
def indonesian(qgis_iface, qgis_processing, workspace_path):
    """QGIS > Options > General > Override system locale: Bahasa Indonesia, then the plugin loads."""
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "id")
    plugin = paser_smartcity_plugin.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    settings.remove("locale/userLocale")
    settings.remove("locale/overrideFlag")
    QgsProject.instance().clear()


def test_menu_is_indonesian(indonesian, qgis_iface):
    menus = [
        a.menu()
        for a in qgis_iface.mainWindow().menuBar().actions()
        if a.menu() is not None and a.menu().objectName() == MENU_OBJECT_NAME
    ]
    texts = [a.text() for a in menus[0].actions()]
    assert {"Buka lapisan kota cerdas", "Dasbor program", "Pengaturan…"} <= set(texts)
    # no entry (also those other features add) is still in its English source form
    english = {m.source for m in i18n_tool.read_ts(i18n_tool.DEFAULT_TS).values() if m.translation != m.source}
    assert not english & set(texts)
    assert indonesian.open_action.toolTip().startswith("Buka titik layanan dan rencana menara")


def test_processing_is_indonesian(indonesian):
    algorithm = QgsApplication.processingRegistry().algorithmById("paser_smartcity:create_workspace")
    assert algorithm.displayName() == "Buat ruang kerja"
    assert algorithm.group() == "Ruang kerja"
    assert algorithm.groupId() == "workspace"
    assert algorithm.shortHelpString().startswith("Membuat ruang kerja kota cerdas")
    assert algorithm.parameterDefinition("OUTPUT").description() == "GeoPackage ruang kerja"
    assert algorithm.parameterDefinition("DEMO").description() == "Isi dengan data demo"
    export = QgsApplication.processingRegistry().algorithmById("paser_smartcity:export_telkom")
    assert export.parameterDefinition("LAYERS").options() == ["Titik layanan internet", "Rencana menara", "Keduanya"]
    target = QgsApplication.processingRegistry().algorithmById("paser_smartcity:import_telkom")
    assert target.parameterDefinition("LAYER").options()[0] == "Otomatis"


def test_core_workspace_errors_are_indonesian(indonesian, tmp_path):
    """A WorkspaceError carries N_ templates (core/messages.py): Processing shows them translated."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("paser_smartcity:create_workspace")
    target = tmp_path / "ruang_kerja.txt"
    with pytest.raises(QgsProcessingException) as raised:
        algorithm.processAlgorithm(
            {"OUTPUT": str(target), "DEMO": False}, QgsProcessingContext(), QgsProcessingFeedback()
        )
    assert str(raised.value) == f"{target}: ruang kerja adalah GeoPackage dan namanya harus berakhiran .gpkg"
    assert not target.exists()


def test_settings_dialog_is_indonesian(indonesian):
    from paser_smartcity_plugin.gui.options_factory import SettingsPageFactory

    page = SettingsPageFactory().createWidget(None)
    try:
        titles = {box.title() for box in page.findChildren(QGroupBox)}
        assert titles == {"Ruang kerja", "Server pusat dan Telkom"}
        labels = {label.text() for label in page.findChildren(QLabel)}
        assert {
            "GeoPackage ruang kerja",
            "URL server pusat",
            "Batas waktu sinkronisasi (dtk)",
            "Jarak pencocokan Telkom (m)",
            "Lapisan batas desa",
        } <= labels
        assert page.help_button.text() == "Bantuan"
    finally:
        page.deleteLater()


def test_dashboard_and_layers_are_indonesian(indonesian, tmp_path):
    import csv

    from paser_smartcity_plugin.toolbelt.help import help_path

    layers = indonesian.open_layers()
    assert layers[SERVICE_POINTS].name() == "Titik layanan internet"
    assert layers[TOWER_PLANS].name() == "Rencana menara"
    fields = layers[SERVICE_POINTS].fields()
    assert fields.at(fields.indexOf("name")).alias() == "Nama"
    dock = indonesian.show_dashboard()
    assert dock.windowTitle() == "Dasbor program"
    service = [header for _key, header, _tip, _color in dock.columns(SERVICE_POINTS)]
    towers = [header for _key, header, _tip, _color in dock.columns(TOWER_PLANS)]
    assert service[:4] == ["Kecamatan", "Titik layanan", "Koordinat perkiraan", "Direncanakan"]
    assert "Mengudara" in towers
    assert [dock.tabs.tabText(i) for i in range(2)] == ["Titik layanan", "Menara"]
    assert "154 dari 300 titik layanan terdaftar (51%)" in dock.summary.text()
    assert dock.zoom_button.text() == "Perbesar ke baris terpilih"
    assert help_path("dashboard").endswith("dashboard.id.html")
    path = tmp_path / "dasbor.csv"
    assert dock.export_csv(str(path))
    with open(path, encoding="utf-8-sig", newline="") as stream:
        assert next(csv.reader(stream))[:3] == ["Kode kecamatan", "Kecamatan", "Titik layanan"]


def test_every_source_string_is_translated_by_the_compiled_qm(indonesian):
    """The shipped .qm (make compile) carries the reviewed translation of every tr() string."""
    strings, errors = i18n_tool.extract()
    assert not errors
    messages = i18n_tool.read_ts(i18n_tool.DEFAULT_TS)
    stale = {source: tr(source) for source in strings if tr(source) != messages[source].translation}
    assert not stale, "the .qm is older than the .ts or incomplete: run `make compile`"


def test_english_again_after_unload(indonesian):
    indonesian.unload()
    assert tr("Programme dashboard") == "Programme dashboard"


def test_sync_tables_are_indonesian(indonesian):
    """Column headers kept in class constants are marked tr_noop, so they reach the .ts."""
    from paser_smartcity_plugin.core.workspace import Workspace
    from paser_smartcity_plugin.gui.sync_dialogs import ConflictsDialog, HistoryDialog
    from paser_smartcity_plugin.toolbelt.settings import workspace_path

    indonesian.open_layers()
    workspace = Workspace(workspace_path())
    for dialog_class, first in ((ConflictsDialog, "Lapisan"), (HistoryDialog, "Dimulai")):
        dialog = dialog_class(workspace)
        try:
            headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
            assert headers[0] == first
            assert not set(headers) & set(dialog_class.COLUMNS) - {"Server"}
            assert dialog.help_button.text() == "Bantuan"
        finally:
            dialog.deleteLater()


def test_sync_history_is_read_in_the_readers_language(indonesian, tmp_path):
    """A failure stored in English by one sync reads in Indonesian in the history dialog."""
    from paser_smartcity_plugin.core.sync import OgcApiClient, ServerError, synchronize
    from paser_smartcity_plugin.core.sync.history import history
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
    from paser_smartcity_plugin.gui.sync_dialogs import HistoryDialog

    path = str(tmp_path / "history.gpkg")
    create_workspace(path)
    workspace = Workspace(path)
    with pytest.raises(ServerError):
        with OgcApiClient("http://127.0.0.1:9/wfs3", retries=0) as client:
            synchronize(workspace, client)
    assert history(workspace)[0]["message"] == "cannot reach 127.0.0.1:9: connection refused (tried 1 time)"
    dialog = HistoryDialog(workspace)
    try:
        text = dialog.table.item(0, HistoryDialog.MESSAGE_COLUMN).text()
        assert text == "tidak dapat menjangkau 127.0.0.1:9: koneksi ditolak (dicoba 1 kali)"
    finally:
        dialog.deleteLater()


def test_tr_message_translates_core_messages_carried_by_plain_value_errors(indonesian):
    from paser_smartcity_plugin.core.telkom.mapping import parse_aliases
    from paser_smartcity_plugin.toolbelt.i18n import tr_message

    with pytest.raises(ValueError) as raised:
        parse_aliases("SITE_ID")
    assert str(raised.value) == "column alias 'SITE_ID' is not of the form NAME=ALIAS1,ALIAS2"
    assert tr_message(raised.value) == "alias kolom 'SITE_ID' tidak berbentuk NAMA=ALIAS1,ALIAS2"
    assert tr_message(ValueError("plain")) == "plain"


def _standard_button_texts(dialog):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    (box,) = dialog.findChildren(QDialogButtonBox)
    return {
        box.standardButton(button): button.text()
        for button in box.buttons()
        if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    }


def test_dialog_buttons_are_indonesian(indonesian, workspace_path):
    """Debian ships no qtbase_id.qm: Qt alone would leave Save, Close, Cancel and Apply English."""
    import os

    from qgis.PyQt.QtWidgets import QDialogButtonBox

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.telkom.importer import ImportPreview
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
    from paser_smartcity_plugin.gui.register_dialog import RegisterDialog
    from paser_smartcity_plugin.gui.sync_dialogs import ConflictsDialog, HistoryDialog, SyncDialog
    from paser_smartcity_plugin.gui.telkom import ExportDialog, PreviewDialog

    button = QDialogButtonBox.StandardButton
    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path, demo_rows())
    expected = [
        (
            lambda: RegisterDialog(workspace_path),
            {button.Save: "Simpan", button.Close: "Tutup", button.Help: "Bantuan"},
        ),
        (lambda: SyncDialog("", ""), {button.Ok: "Sinkronkan", button.Cancel: "Batal", button.Help: "Bantuan"}),
        (
            lambda: ConflictsDialog(Workspace(workspace_path)),
            {button.Apply: "Terapkan", button.Close: "Tutup", button.Help: "Bantuan"},
        ),
        (lambda: HistoryDialog(Workspace(workspace_path)), {button.Close: "Tutup", button.Help: "Bantuan"}),
        (ExportDialog, {button.Ok: "OK", button.Cancel: "Batal", button.Help: "Bantuan"}),
        (lambda: PreviewDialog(ImportPreview("telkom.zip", [], [])), {button.Cancel: "Batal", button.Help: "Bantuan"}),
    ]
    for make, texts in expected:
        dialog = make()
        try:
            assert _standard_button_texts(dialog) == texts, type(dialog).__name__
        finally:
            dialog.deleteLater()


def test_telkom_preview_speaks_indonesian(indonesian):
    """Codes as their labels, fields and layers by their names, warnings and plurals in
    Indonesian: not tower_plans, STATUS, coordinates_set, permit."""
    from paser_smartcity_plugin.core.messages import N_, MessageText
    from paser_smartcity_plugin.core.telkom.importer import UPDATED, Change, ImportPreview, RowReport, SourceInfo
    from paser_smartcity_plugin.gui.telkom import ExportDialog, PreviewDialog

    report = RowReport(TOWER_PLANS, "menara", 1)
    report.action, report.uid, report.name, report.matched_by = UPDATED, "u", "Menara Muara Payang", "SITE_ID"
    report.changes = [
        Change("status", "STATUS", "coordinates_set", "permit"),
        Change("coord_source", "SMB_KOORD", "gps_survey", "telkom"),
    ]
    report.warnings = [
        MessageText(
            N_("moved {distance} m, farther than {limit} m: is it the same site? (setting: move warning)"),
            distance="61 173",
            limit="500",
        )
    ]
    source = SourceInfo("menara", TOWER_PLANS, "UTF-8", "EPSG:32750", 1, {}, [])
    dialog = PreviewDialog(ImportPreview("menara.zip", [source], [report]))
    try:
        cells = [[dialog.table.item(r, c).text() for c in range(1, dialog.table.columnCount())] for r in range(2)]
        assert cells[0][:8] == [
            "Rencana menara",
            "1",
            "perbarui",
            "ID situs Telkom",
            "Menara Muara Payang u",
            "Status",
            "Koordinat ditetapkan",
            "Perizinan",
        ]
        assert cells[1][5:8] == ["Sumber koordinat", "Survei GPS", "Telkom"]
        assert (
            cells[0][8]
            == "Peringatan: berpindah 61 173 m, lebih jauh dari 500 m: apakah ini situs yang sama? (pengaturan: peringatan perpindahan)"
        )
        assert dialog.apply_button.text() == "Terapkan 1 perubahan"
        assert "menara → Rencana menara (1 baris, UTF-8, EPSG:32750)" in dialog.summary.text()
        assert "1 perubahan berperingatan (disorot)" in dialog.summary.text()
    finally:
        dialog.deleteLater()
    export = ExportDialog()
    assert export.windowTitle() == tr("Export for Telkom") != "Export for Telkom"
    assert export.output.dialogTitle() == "Paket untuk Telkom"
    export.deleteLater()


def test_refused_attribute_table_edit_is_explained_in_indonesian(indonesian, qgis_iface):
    from paser_smartcity_plugin.core.demo import demo_uid

    layer = indonesian.open_layers()[SERVICE_POINTS]
    (feature,) = layer.getFeatures(f"\"uid\" = '{demo_uid('kantor_desa', '64.01.01.2009')}'")
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("accuracy_m"), -5)
    assert not layer.commitChanges()
    layer.rollBack()
    texts = [item.text() for item in bar.items()]
    bar.clearWidgets()
    # the field's label and the rule in Indonesian, not "service_points.accuracy_m: -5.0 must not be negative"
    assert texts == [f"Tidak disimpan: {feature['name']}: Akurasi (m) harus antara 0 dan 50000 (bukan -5)"], texts


def test_form_constraint_states_the_rule_in_indonesian(indonesian):
    from qgis.core import QgsFieldConstraints, QgsVectorLayerUtils

    layer = indonesian.open_layers()[SERVICE_POINTS]
    index = layer.fields().indexOf("accuracy_m")
    assert layer.fields().at(index).constraints().constraintDescription() == "Akurasi (m) harus antara 0 dan 50000"
    feature = next(layer.getFeatures())
    feature["accuracy_m"] = -5
    ok, errors = QgsVectorLayerUtils.validateAttribute(
        layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
    )
    assert not ok, errors
    assert "Akurasi (m) harus antara 0 dan 50000" in errors[0], errors


def test_button_texts_stay_indonesian_after_a_language_change(indonesian, workspace_path):
    """Another plugin installing a translator makes Qt rename standard buttons: ours come back."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    indonesian.register_action.trigger()
    dialog = indonesian.register_dialog
    try:
        other = QTranslator()
        QCoreApplication.installTranslator(other)
        QCoreApplication.removeTranslator(other)
        for _ in range(5):
            QgsApplication.processEvents()
        box = dialog.button_box
        texts = [
            box.button(b).text() for b in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Close)
        ]
        assert texts == ["Simpan", "Tutup"]
        assert dialog.help_button.text() == "Bantuan"
    finally:
        dialog.close()
