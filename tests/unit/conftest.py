import pytest

from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace


@pytest.fixture
def demo_workspace(tmp_path) -> Workspace:
    path = tmp_path / "demo.gpkg"
    create_workspace(str(path), demo_rows())
    return Workspace(str(path))


@pytest.fixture
def empty_workspace(tmp_path) -> Workspace:
    path = tmp_path / "empty.gpkg"
    create_workspace(str(path))
    return Workspace(str(path))
