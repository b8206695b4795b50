"""Processing algorithms of the Telkom exchange: ``export_telkom`` and ``import_telkom``.

Thin: parameters in, core.telkom out. geopandas is imported by core only when an
algorithm runs, so the provider loads without it.
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.schema import LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS, layer_schema
from ..core.telkom.export import OFFERED_CRS_CODES
from ..toolbelt.i18n import counted, language, tr_message
from .base import PaserAlgorithm
from .names import EXPORT_TELKOM, IMPORT_TELKOM, Output, Param

BOTH = "both"
LAYER_CHOICES = [SERVICE_POINTS, TOWER_PLANS, BOTH]
CRS_CHOICES = list(OFFERED_CRS_CODES)
AUTO = "auto"
TARGET_CHOICES = [AUTO, SERVICE_POINTS, TOWER_PLANS]


def _coded_value(alg, parameters, name, context, choices):
    """The code of an enum shown with labels: scripts give its index, or the code itself."""
    value = parameters.get(name)
    if isinstance(value, str) and value in choices:
        return value
    index = alg.parameterAsEnum(parameters, name, context)
    if not 0 <= index < len(choices):
        raise QgsProcessingException(
            alg.tr("{name}: {value} is not one of {choices}").format(name=name, value=value, choices=", ".join(choices))
        )
    return choices[index]


class _TelkomAlgorithm(PaserAlgorithm):
    GROUP = "Telkom exchange"
    # Enums listed with labels in the officer's language (by index, in the order of the
    # codes): parameter -> its codes, which scripts written before the labels may still give.
    CODED_ENUMS: dict = {}

    def _coded(self, parameters):
        coded = dict(parameters)
        for name, choices in self.CODED_ENUMS.items():
            value = coded.get(name)
            if isinstance(value, str) and value in choices:
                coded[name] = choices.index(value)
        return coded

    def checkParameterValues(self, parameters, context):  # noqa: N802
        return super().checkParameterValues(self._coded(parameters), context)

    def preprocessParameters(self, parameters):  # noqa: N802
        return self._coded(parameters)

    def layer_label(self, code: str) -> str:
        """The label of a LAYER_CHOICES/TARGET_CHOICES code: the layer's title, "Both", "Automatic"."""
        if code in LAYER_NAMES:
            return layer_schema(code).title(language())
        return self.tr("Both") if code == BOTH else self.tr("Automatic")

    @staticmethod
    def in_worker(function, *args, **kwargs):
        """geopandas/pyproj work runs on the exchange's own thread (see geopandas_io.run_in_worker)."""
        from ..core.telkom.geopandas_io import run_in_worker

        return run_in_worker(function, *args, **kwargs)


class ExportTelkomAlgorithm(_TelkomAlgorithm):
    NAME = EXPORT_TELKOM
    DISPLAY_NAME = "Export for Telkom"
    CODED_ENUMS = {Param.LAYERS: LAYER_CHOICES}
    HELP = (
        "Writes a zip for Telkom: per layer a point shapefile (.shp .shx .dbf .prj, UTF-8 with .cpg), a "
        "schema note in Indonesian and English listing every column, its fixed shapefile name and its meaning, "
        "and a CSV of the sites without coordinates (pending towers), which a shapefile cannot hold. Column "
        "names are a fixed contract (uid -> UID, telkom_site_id -> SITE_ID, desa_code -> KODE_DESA ...). Long "
        "text is cut to the DBF limit and every cut is listed, with the full text in a CSV; timestamps are ISO "
        "8601 text. 'Selected sites only' (SELECTED_ONLY) exports the sites selected on the workspace layers of the project. "
        "Needs the Python package geopandas."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(self.workspace_parameter())
        self.addParameter(
            QgsProcessingParameterEnum(
                Param.LAYERS,
                self.tr("Layers"),
                options=[self.layer_label(c) for c in LAYER_CHOICES],
                defaultValue=LAYER_CHOICES.index(BOTH),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(Param.SELECTED_ONLY, self.tr("Selected sites only"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                Param.CRS,
                self.tr("Coordinate reference system of the shapefiles"),
                options=CRS_CHOICES,
                defaultValue=CRS_CHOICES[0],
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                Param.OUTPUT, self.tr("Package for Telkom"), self.tr("Zip archive (*.zip)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber(Output.FEATURES, self.tr("Sites in the shapefiles")))
        self.addOutput(
            QgsProcessingOutputNumber(Output.WITHOUT_COORDINATES, self.tr("Sites without coordinates (CSV)"))
        )
        self.addOutput(QgsProcessingOutputNumber(Output.CUT_VALUES, self.tr("Values cut to fit a shapefile")))

    selection = None

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # Runs on the main thread: read the selection of the layers in the project here.
        self.selection = None
        if self.parameterAsBoolean(parameters, Param.SELECTED_ONLY, context):
            from ..layers.workspace_layers import find_layers

            path = self.parameterAsFile(parameters, Param.WORKSPACE, context)
            layers = find_layers(context.project(), path) if context.project() is not None else {}
            self.selection = {name: [f["uid"] for f in layer.selectedFeatures()] for name, layer in layers.items()}
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.telkom import TelkomError
        from ..core.telkom.export import export_package

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        if self.selection is not None and not any(self.selection.values()):
            raise QgsProcessingException(
                self.tr("SELECTED_ONLY: no site of this workspace is selected in the project; select sites first")
            )
        choice = _coded_value(self, parameters, Param.LAYERS, context, LAYER_CHOICES)
        layers = list(LAYER_NAMES) if choice == BOTH else [choice]
        crs = _coded_value(self, parameters, Param.CRS, context, CRS_CHOICES)
        output = self.parameterAsFileOutput(parameters, Param.OUTPUT, context)
        try:
            result = self.in_worker(
                export_package,
                workspace,
                output,
                layers=layers,
                crs=crs,
                only_uids=self.selection,
                progress=feedback.setProgress,
                is_canceled=feedback.isCanceled,
            )
        except TelkomError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        for layer in result.layers:
            feedback.pushInfo(
                self.tr("{layer}: {sites}, {pending} without coordinates, {cuts}").format(
                    layer=self.layer_label(layer.layer),
                    sites=counted(layer.features, self.tr("{count} site"), self.tr("{count} sites")),
                    pending=layer.without_coordinates,
                    cuts=counted(len(layer.cuts), self.tr("{count} value cut"), self.tr("{count} values cut")),
                )
            )
        feedback.pushInfo(
            self.tr("Written with geopandas ({engine}): {path}").format(engine=result.engine, path=result.path)
        )
        return {
            Param.OUTPUT: result.path,
            Output.FEATURES: result.features,
            Output.WITHOUT_COORDINATES: sum(r.without_coordinates for r in result.layers),
            Output.CUT_VALUES: sum(len(r.cuts) for r in result.layers),
        }


class ImportTelkomAlgorithm(_TelkomAlgorithm):
    NAME = IMPORT_TELKOM
    DISPLAY_NAME = "Import from Telkom"
    CODED_ENUMS = {Param.LAYER: TARGET_CHOICES}
    HELP = (
        "Reads a shapefile returned by Telkom (a .zip or a .shp: our own export edited, or Telkom's own "
        "layout) and matches its rows to the workspace sites by UID, then SITE_ID, then proximity (within the "
        "match distance) with a similar name. Without 'Apply the changes' (APPLY) nothing is written: the 'Report' (REPORT) lists per row the "
        "matched site, every field that would change (old -> new), new sites and rejected rows with their "
        "reasons, and what deserves a look before applying as warnings: a site moved farther than 'Warn about moves "
        "beyond' (MOVE_WARNING), a desa code whose desa does not hold the position. With 'Apply the changes' (APPLY) "
        "all accepted changes are written in one transaction, except those listed in 'Leave out' (SKIP): site uids "
        "or row numbers of the file (e.g. 12, 40-45), comma-separated. The text encoding comes from "
        "the .cpg, else UTF-8, else Windows-1252/Latin-1; coordinates are reprojected from the .prj. 'CRS of the "
        "shapefile when it has no .prj' (SOURCE_CRS) is required when the .prj is missing. 'Column aliases' (ALIASES) maps Telkom's column names to ours, e.g. "
        "SITE_ID=SITEID; NAMA=NAMA_LOKASI. Zips with unsafe paths, zip bombs, several shapefiles (choose one with "
        "'Shapefile in the zip', MEMBER), missing or damaged parts and non-point geometries are refused. Needs the Python package geopandas."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        from ..toolbelt.settings import load

        settings = load()
        self.addParameter(self.workspace_parameter())
        self.addParameter(
            QgsProcessingParameterFile(
                Param.INPUT,
                self.tr("Shapefile from Telkom (.zip or .shp)"),
                fileFilter=self.tr("Shapefile or zip (*.zip *.shp *.ZIP *.SHP)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                Param.APPLY, self.tr("Apply the changes (unchecked: preview only)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                Param.SOURCE_CRS, self.tr("CRS of the shapefile when it has no .prj"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.MEMBER, self.tr("Shapefile in the zip (when it holds several)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                Param.LAYER,
                self.tr("Workspace layer"),
                options=[self.layer_label(c) for c in TARGET_CHOICES],
                defaultValue=TARGET_CHOICES.index(AUTO),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.ALIASES,
                self.tr("Column aliases (OUR_NAME=THEIRS,THEIRS; ...)"),
                optional=True,
                defaultValue=settings.telkom_column_aliases,
            )
        )
        for name, text, default in (
            (Param.MATCH_DISTANCE, self.tr("Match distance (m)"), settings.telkom_match_distance_m),
            (Param.MOVE_WARNING, self.tr("Warn about moves beyond (m)"), settings.telkom_move_warning_m),
        ):
            metres = QgsProcessingParameterNumber(
                name, text, QgsProcessingParameterNumber.Double, defaultValue=default, minValue=0.0
            )
            metres.setMetadata({"widget_wrapper": {"decimals": 0}})  # whole metres, not "50.000000"
            self.addParameter(metres)
        self.addParameter(
            QgsProcessingParameterString(
                Param.SKIP,
                self.tr("Leave out (site uids or row numbers of the file, e.g. 12, 40-45)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                Param.REPORT, self.tr("Report"), self.tr("CSV (*.csv)"), optional=True, createByDefault=False
            )
        )
        for name, text in (
            ("MATCHED", self.tr("Rows matched to a site")),
            ("UPDATED", self.tr("Sites with changes")),
            ("NEW", self.tr("New sites")),
            ("REJECTED", self.tr("Rejected rows")),
            ("WARNINGS", self.tr("Changes with warnings")),
            ("LEFT_OUT", self.tr("Changes left out")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputFile(Output.REPORT, self.tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.telkom import TelkomError
        from ..core.telkom.importer import REJECTED, LeaveOut, apply_import, preview_import
        from ..core.telkom.mapping import parse_aliases
        from ..layers.boundary import BoundaryLayerError, configured_boundaries

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        source = self.parameterAsFile(parameters, Param.INPUT, context)
        apply = self.parameterAsBoolean(parameters, Param.APPLY, context)
        crs = self.parameterAsCrs(parameters, Param.SOURCE_CRS, context)
        member = self.parameterAsString(parameters, Param.MEMBER, context) or None
        target = _coded_value(self, parameters, Param.LAYER, context, TARGET_CHOICES)
        distance = self.parameterAsDouble(parameters, Param.MATCH_DISTANCE, context)
        move_warning = self.parameterAsDouble(parameters, Param.MOVE_WARNING, context)
        report_path = self.parameterAsFileOutput(parameters, Param.REPORT, context)
        try:
            leave_out = LeaveOut.parse(self.parameterAsString(parameters, Param.SKIP, context))
        except TelkomError as exc:
            raise QgsProcessingException(self.tr("SKIP: {error}").format(error=tr_message(exc))) from None
        try:
            boundary = configured_boundaries()  # the register's desa check uses it too
        except BoundaryLayerError as exc:
            feedback.pushWarning(tr_message(exc))
            boundary = None
        try:
            aliases = parse_aliases(self.parameterAsString(parameters, Param.ALIASES, context))
        except ValueError as exc:
            raise QgsProcessingException(self.tr("ALIASES: {error}").format(error=tr_message(exc))) from None
        try:
            preview = self.in_worker(
                preview_import,
                workspace,
                source,
                source_crs=(crs.authid() or crs.toWkt()) if crs.isValid() else None,
                member=member,
                layer=None if target == AUTO else target,
                aliases=aliases,
                match_distance_m=distance,
                move_warning_m=move_warning,
                boundary=boundary,
                is_canceled=feedback.isCanceled,
                progress=lambda p: feedback.setProgress(p * (0.5 if apply else 1.0)),
            )
            for info in preview.sources:
                feedback.pushInfo(
                    self.tr("{name} -> {layer}: {rows}, {encoding}, {crs}; ignored columns: {ignored}").format(
                        name=info.name,
                        layer=self.layer_label(info.layer),
                        rows=counted(info.features, self.tr("{count} row"), self.tr("{count} rows")),
                        encoding=info.encoding,
                        crs=info.crs,
                        ignored=", ".join(info.ignored_columns) or "-",
                    )
                )
                for warning in info.warnings:
                    feedback.pushWarning(tr_message(warning))
            for row in preview.rows:
                if row.action == REJECTED:
                    feedback.pushWarning(
                        self.tr("{file} row {row}: rejected: {reasons}").format(
                            file=row.source, row=row.row, reasons="; ".join(tr_message(r) for r in row.reasons)
                        )
                    )
                elif row.warnings and row.writes:
                    feedback.pushWarning(
                        self.tr("{file} row {row} ({site}): check before applying: {warnings}").format(
                            file=row.source,
                            row=row.row,
                            site=row.name or row.uid or "",
                            warnings="; ".join(tr_message(w) for w in row.warnings),
                        )
                    )
            applied = {"LEFT_OUT": 0}
            if apply:
                applied = self.in_worker(
                    apply_import,
                    workspace,
                    preview,
                    is_canceled=feedback.isCanceled,
                    progress=lambda p: feedback.setProgress(50 + p / 2),
                    leave_out=leave_out,
                )
            elif leave_out:
                feedback.pushInfo(self.tr("SKIP is used when the changes are applied (APPLY)"))
        except TelkomError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        counts = preview.counts()
        counts["LEFT_OUT"] = applied["LEFT_OUT"]
        feedback.pushInfo(
            self.tr(
                "{matched} matched, {updated} with changes, {new} new, {rejected} rejected, {warned} with warnings; {what}"
            ).format(
                matched=counts["MATCHED"],
                updated=counts["UPDATED"],
                new=counts["NEW"],
                rejected=counts["REJECTED"],
                warned=counts["WARNINGS"],
                what=(
                    self.tr("applied, {count} left out").format(count=counts["LEFT_OUT"])
                    if apply and counts["LEFT_OUT"]
                    else self.tr("applied")
                    if apply
                    else self.tr("preview only, nothing written")
                ),
            )
        )
        results = dict(counts)
        if report_path and report_path != QgsProcessing.TEMPORARY_OUTPUT:
            preview.write_report(report_path)
            results[Param.REPORT] = report_path
        return results
