from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..toolbelt.i18n import counted, tr, tr_message
from .base import PaserAlgorithm
from .names import IMPORT_SITES, Output, Param
from .register_coordinates import registrar_for


class ImportSitesAlgorithm(PaserAlgorithm):
    NAME = IMPORT_SITES
    DISPLAY_NAME = "Import sites from a spreadsheet"
    GROUP = "Sites"
    HELP = (
        "Imports a spreadsheet (CSV or XLSX) of sites with coordinates. Columns are recognised by their header "
        "(in the first rows: a title above the table is skipped), in Indonesian or English: nama/name, "
        "kategori/category, koordinat/coordinates (one column, any supported format) or lintang/latitude and "
        "bujur/longitude (two columns), desa (name or code), kecamatan, akurasi/accuracy, sumber/source, surveyor, "
        "tanggal/date, catatan/notes, uid. A CSV may be UTF-8, UTF-16 (Excel's 'Unicode Text') or Windows-1252, "
        "separated by commas, semicolons or tabs; of an XLSX, 'XLSX sheet' (SHEET) chooses the sheet (empty: the "
        "first). A row whose uid or name is an existing site gives that site its coordinates; any other row is a new "
        "service point. A site takes its coordinates from one row: a later row naming the same site (an existing "
        "one, or the new site of an earlier row: the same name, in the same desa or within the duplicate distance) "
        "is rejected with the number of the earlier row. Every valid row is written in one transaction and the "
        "'Report' (REPORT; CSV: row, outcome, message) lists each row with its outcome and reason; with 'Write "
        "nothing when any row is rejected' (ALL_OR_NOTHING) nothing is written when any row is rejected. Rows with "
        "warnings only are rejected unless 'Accept warnings' (FORCE) is set."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(Param.WORKSPACE, self.tr("Workspace GeoPackage"), extension="gpkg")
        )
        self.addParameter(
            QgsProcessingParameterFile(
                Param.INPUT,
                self.tr("Spreadsheet (CSV or XLSX)"),
                fileFilter=self.tr("Spreadsheets (*.csv *.txt *.tsv *.xlsx *.xlsm)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(Param.SHEET, self.tr("XLSX sheet (empty: the first)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                Param.CRS, self.tr("CRS of projected coordinates (when auto-detection cannot tell)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.SOURCE, self.tr("Coordinate source code for rows without one"), defaultValue="import"
            )
        )
        self.addParameter(QgsProcessingParameterString(Param.SURVEYED_BY, self.tr("Surveyed by"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(Param.FORCE, self.tr("Accept warnings"), defaultValue=False))
        self.addParameter(
            QgsProcessingParameterBoolean(
                Param.ALL_OR_NOTHING, self.tr("Write nothing when any row is rejected"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(Param.REPORT, self.tr("Report"), self.tr("CSV files (*.csv)"))
        )
        self.addOutput(QgsProcessingOutputNumber(Output.INSERTED, self.tr("New service points")))
        self.addOutput(QgsProcessingOutputNumber(Output.UPDATED, self.tr("Sites given coordinates")))
        self.addOutput(QgsProcessingOutputNumber(Output.REJECTED, self.tr("Rejected rows")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.site_import import ImportCancelledError, SiteImporter, SpreadsheetError, read_table, write_report
        from ..core.workspace import WorkspaceError

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        self.written_path = None
        path = self.parameterAsFile(parameters, Param.INPUT, context)
        report_path = self.parameterAsFileOutput(parameters, Param.REPORT, context)
        crs = self.parameterAsCrs(parameters, Param.CRS, context) if parameters.get(Param.CRS) else None
        authid = crs.authid() if crs is not None and crs.isValid() else None
        all_or_nothing = self.parameterAsBoolean(parameters, Param.ALL_OR_NOTHING, context)
        importer = SiteImporter(
            registrar_for(workspace),
            crs=authid,
            source=(self.parameterAsString(parameters, Param.SOURCE, context) or "import").strip(),
            surveyed_by=self.parameterAsString(parameters, Param.SURVEYED_BY, context) or "",
            force=self.parameterAsBoolean(parameters, Param.FORCE, context),
            translate=tr,
        )
        try:
            with read_table(path, self.parameterAsString(parameters, Param.SHEET, context) or None) as table:
                where = (
                    self.tr("sheet “{sheet}”, headers in row {row}") if table.sheet else self.tr("headers in row {row}")
                ).format(sheet=table.sheet, row=table.header_row)
                feedback.pushInfo(self.tr("Reading {path} ({where})").format(path=path, where=where))
                result = importer.run(
                    table,
                    all_or_nothing=all_or_nothing,
                    progress=lambda fraction: feedback.setProgress(100 * fraction),
                    is_canceled=feedback.isCanceled,
                )
        except (SpreadsheetError, ImportCancelledError, WorkspaceError) as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        write_report(report_path, result)
        if result.written:
            self.written_path = workspace.path
        for r in result.report:
            if r.outcome == "rejected":
                feedback.reportError(self.tr("Row {row}: {message}").format(row=r.row, message=r.message))
        inserted, updated, rejected = (result.count(o) for o in ("inserted", "updated", "rejected"))
        if not result.written and rejected and all_or_nothing:
            feedback.reportError(
                counted(
                    rejected,
                    self.tr("Nothing written: {count} row rejected and ALL_OR_NOTHING is set"),
                    self.tr("Nothing written: {count} rows rejected and ALL_OR_NOTHING is set"),
                )
            )
            inserted = updated = 0
        else:
            feedback.pushInfo(
                ", ".join(
                    (
                        counted(inserted, self.tr("{count} new service point"), self.tr("{count} new service points")),
                        counted(updated, self.tr("{count} site updated"), self.tr("{count} sites updated")),
                        counted(rejected, self.tr("{count} row rejected"), self.tr("{count} rows rejected")),
                    )
                )
            )
        return {
            Param.REPORT: report_path,
            Output.INSERTED: inserted,
            Output.UPDATED: updated,
            Output.REJECTED: rejected,
        }
