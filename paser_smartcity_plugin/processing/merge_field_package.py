"""``paser_smartcity:merge_field_package``: a surveyor's returned package into the workspace.

Thin: the preview and the merge are core.field_merge's (the menu's dialog calls the same).
"""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..toolbelt.i18n import tr_message, tr_noop
from .base import PaserAlgorithm
from .names import MERGE_FIELD_PACKAGE, Output, Param

# tr_noop: the extractor cannot follow self.tr(text) over a tuple, but it sees these calls
COUNTS = (
    ("NEW", tr_noop("New sites")),
    ("UPDATED", tr_noop("Sites updated")),
    ("DELETED", tr_noop("Sites deleted")),
    ("CONFLICTS", tr_noop("Sites with conflicts")),
    ("ALREADY", tr_noop("Changes already in the workspace")),
    ("REJECTED", tr_noop("Sites that cannot be merged")),
    ("UNCHANGED", tr_noop("Sites the surveyor left unchanged")),
    ("PHOTOS", tr_noop("Photos copied")),
    ("MISSING_PHOTOS", tr_noop("Photos missing from the package")),
    ("LEFT_OUT", tr_noop("Sites left out")),
    ("ALREADY_MERGED", tr_noop("Already merged (1: nothing to do)")),
)


class MergeFieldPackageAlgorithm(PaserAlgorithm):
    NAME = MERGE_FIELD_PACKAGE
    DISPLAY_NAME = "Merge field survey"
    GROUP = "Field survey"
    HELP_TOPIC = "field"
    HELP = (
        "Merges a package a surveyor brought back from the field (made by 'Package for field survey') into the "
        "workspace it was made from. 'Returned package' (INPUT): the folder QField sent back, its .zip, or its "
        "survey.gpkg (a manifest.json names its folder). Site by site and field by field, the surveyor's changes "
        "are compared with the sites as packaged and with the workspace now: a field only the surveyor changed is "
        "written as your own edit, and the next sync sends it; what the office changed since packaging (edits, "
        "syncs) stays; a field changed differently on both sides, or a site deleted on one side and edited on the "
        "other, becomes a conflict to resolve in Paser Smart City ▸ Sync conflicts, naming the surveyor, and the "
        "workspace keeps its value meanwhile. New sites keep their uid. Photos are copied to the folder "
        "<workspace>_photos beside the workspace, checked by SHA-256 (a different file of the same name is never "
        "written over); a photo the data names but the package lacks is a warning. Without 'Merge into the "
        "workspace' (APPLY) nothing is written: the log and the 'Report' (REPORT, CSV) list every change. 'Leave "
        "out' (SKIP): site uids, comma-separated, whose changes are not taken. Everything is written in one "
        "transaction; the package is recorded, so merging it again changes nothing. Refused, with nothing "
        "written: a package of another workspace, one whose base was changed after packaging, one made by a "
        "newer plugin."
    )

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # The returned folder itself is an INPUT too, though QGIS's file parameter takes only
        # files: it is checked as the survey.gpkg it holds (the merge says what is wrong with it).
        source = parameters.get(Param.INPUT)
        if isinstance(source, str) and os.path.isdir(source):
            parameters = dict(parameters, INPUT=os.path.join(source, "survey.gpkg"))
        return super().checkParameterValues(parameters, context)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(self.workspace_parameter())
        self.addParameter(
            QgsProcessingParameterFile(
                Param.INPUT,
                self.tr("Returned package (folder, .zip or survey.gpkg)"),
                fileFilter=self.tr("Field package (*.zip *.gpkg *.json *.ZIP *.GPKG)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                Param.APPLY, self.tr("Merge into the workspace (unchecked: preview only)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.SKIP, self.tr("Leave out (site uids, comma-separated)"), optional=True, multiLine=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                Param.REPORT, self.tr("Report"), self.tr("CSV (*.csv)"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString(Output.PACKAGE_ID, self.tr("Package id")))
        self.addOutput(QgsProcessingOutputString(Output.SURVEYOR, self.tr("Surveyor")))
        for name, text in COUNTS:
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(text)))
        self.addOutput(QgsProcessingOutputFile(Output.REPORT, self.tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.field_merge import MergeError, apply_merge, parse_leave_out, preview_merge

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        source = self.parameterAsFile(parameters, Param.INPUT, context) or str(parameters.get(Param.INPUT) or "")
        apply = self.parameterAsBoolean(parameters, Param.APPLY, context)
        report_path = self.parameterAsFileOutput(parameters, Param.REPORT, context)
        try:
            leave_out = parse_leave_out(self.parameterAsString(parameters, Param.SKIP, context))
        except MergeError as exc:
            raise QgsProcessingException(self.tr("SKIP: {error}").format(error=tr_message(exc))) from None
        try:
            preview = preview_merge(
                workspace,
                source,
                progress=lambda p: feedback.setProgress(p * (0.5 if apply else 1.0)),
                is_canceled=feedback.isCanceled,
            )
        except MergeError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        try:
            self._describe(preview, feedback)
            counts = preview.counts()
            counts["LEFT_OUT"] = 0
            if apply:
                outcome = apply_merge(
                    workspace,
                    preview,
                    leave_out,
                    progress=lambda p: feedback.setProgress(50 + p / 2),
                    is_canceled=feedback.isCanceled,
                )
                counts.update(outcome.counts)
            elif leave_out:
                feedback.pushInfo(self.tr("SKIP is used when the package is merged (APPLY)"))
            if report_path and report_path != QgsProcessing.TEMPORARY_OUTPUT:
                preview.write_report(report_path)
        except MergeError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        finally:
            preview.close()
        feedback.pushInfo(self._summary(counts, apply, preview.already_merged))
        results = {name: counts.get(name, 0) for name, _ in COUNTS}
        results["ALREADY_MERGED"] = 1 if preview.already_merged else 0
        results.update(PACKAGE_ID=preview.package_id, SURVEYOR=preview.surveyor)
        if report_path and report_path != QgsProcessing.TEMPORARY_OUTPUT:
            results[Param.REPORT] = report_path
        return results

    def _describe(self, preview, feedback) -> None:
        from ..core.field_merge import CONFLICTS, REJECTED
        from ..toolbelt.regency_time import regency_text

        meta = preview.meta
        feedback.pushInfo(
            self.tr("Package {id} of {surveyor}, made {created} by plugin {version} (schema {schema})").format(
                id=preview.package_id,
                surveyor=preview.surveyor,
                created=regency_text(meta.get("created_at")),
                version=meta.get("plugin_version"),
                schema=meta.get("schema_version"),
            )
        )
        if preview.already_merged:
            feedback.pushInfo(
                self.tr("This package was merged on {at}, with the same content: nothing to do").format(
                    at=regency_text(preview.already_merged)
                )
            )
            return
        if preview.merged_before:
            feedback.pushInfo(
                self.tr("Merged before on {at}: only what changed in the package since is merged").format(
                    at=regency_text(preview.merged_before[-1][0])
                )
            )
        if preview.missing_fields:
            feedback.pushInfo(
                self.tr("The package has no {fields}: the workspace keeps its values").format(
                    fields=", ".join(preview.missing_fields)
                )
            )
        for site in preview.sites:
            what = f"{site.layer} {site.name} ({site.uid})"
            if site.action == REJECTED:
                feedback.pushWarning(
                    self.tr("{site}: cannot be merged: {reasons}").format(
                        site=what, reasons="; ".join(tr_message(r) for r in site.reasons)
                    )
                )
            elif site.action == CONFLICTS:
                feedback.pushWarning(
                    self.tr("{site}: conflict on {fields}").format(
                        site=what, fields=", ".join(c.field for c in site.result.conflicts)
                    )
                )
            for warning in site.warnings:
                feedback.pushWarning(f"{what}: {tr_message(warning)}")

    def _summary(self, counts, apply: bool, already) -> str:
        if already:
            return self.tr("Already merged; nothing was written")
        text = self.tr(
            "{new} new, {updated} updated, {deleted} deleted, {conflicts} with conflicts, {rejected} cannot be "
            "merged; {photos} photos to copy, {missing} missing"
        ).format(
            new=counts["NEW"],
            updated=counts["UPDATED"],
            deleted=counts["DELETED"],
            conflicts=counts["CONFLICTS"],
            rejected=counts["REJECTED"],
            photos=counts["PHOTOS"],
            missing=counts["MISSING_PHOTOS"],
        )
        if not apply:
            return text + "; " + self.tr("preview only, nothing written")
        return text + "; " + self.tr("merged, {count} left out").format(count=counts["LEFT_OUT"])
