# lit configuration for the heap2stack suites (ir/, print/, remarks/, e2e/).
#
# Substitutions:
#   %opt %clang %clangxx  the tools of the LLVM release the plugin was built for
#   %plugin               heap2stack.so
#   %alloccount           alloccount.so (LD_PRELOAD allocation counter)
#   %escape_report        the escape-report tool
#   %h2s_profile          the heap2stack-profile tool
#   %profile_rt           its run-time library (libheap2stack-profile.so)
#   %llvm_major           19 or 22
#   %dom                  lit/dom.sh: `%dom PAGE [FRAGMENT]` prints the DOM of
#                         an HTML page as headless Chromium renders it
#   %page_text            lit/page-text.py: that DOM as the text a person
#                         sees (links, marks, open and closed <details>)
#   %e2e, %e2e_cxx        the end-to-end recipe (lit/e2e.sh): `%e2e %t FLAGS
#                         %s` builds the program plain, with the plugin and
#                         with the plugin under ASan, runs all three and
#                         compares their outputs (%t.plain.out, %t.h2s.out,
#                         %t.asan.out)
#   %validate_json        test/validate_json.py SCHEMA DOC... under a Python
#                         that has python3-jsonschema
#   %sarif_schema         the SARIF 2.1.0 schema tools/setup.sh fetched
#   %h2s_src              the source tree (docs/ holds -json's schema)
#   %shared_examples      ../shared/examples, with the feature shared_examples
#   %cmake                the cmake that configured this build
#   %h2s_build            this build directory (cmake --install, the package)
#   %man_dir              the generated man pages (docs/man/ of this build)
#   %opt_viewer           LLVM's opt-viewer.py of this release (llvm-N-tools)
# Features: llvm19 / llvm22; asan when clang has the ASan runtime; lld when
# ld.lld is in the tools directory; other_release_clang (with %other_clang)
# when the clang of the other supported release is installed. The tools
# directory comes first in PATH, so FileCheck, not and count are those of the
# same release.
import glob
import os
import subprocess
import sys

import lit.formats

config.name = "heap2stack"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".cpp"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

if not hasattr(config, "llvm_tools_dir"):
    lit_config.fatal(
        "lit.site.cfg.py is missing: run lit on the build directory "
        "(lit -sv build-llvmN/test) or `cmake --build build-llvmN --target check`")


def tool(name):
    path = os.path.join(config.llvm_tools_dir, name)
    if not os.path.exists(path):
        lit_config.fatal("%s not found in %s" % (name, config.llvm_tools_dir))
    return path


opt = tool("opt")
clang = tool("clang")
tool("llvm-remarkutil")
opt_viewer = os.path.join(os.path.dirname(config.llvm_tools_dir), "share",
                          "opt-viewer", "opt-viewer.py")
if not os.path.exists(opt_viewer):
    lit_config.fatal("%s not found: install llvm-N-tools" % opt_viewer)
clangxx = tool("clang++")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])

# Longest names first: lit substitutes in order, and %clang is a prefix of
# %clangxx.
e2e = "bash " + os.path.join(config.test_source_root, "lit", "e2e.sh")
config.substitutions.append(("%e2e_script", e2e))
config.substitutions.append(("%e2e_cxx", "%s %s %s" % (e2e, clangxx,
                                                      config.heap2stack_plugin)))
config.substitutions.append(("%e2e", "%s %s %s" % (e2e, clang,
                                                  config.heap2stack_plugin)))
config.substitutions.append(("%dom", "bash " + os.path.join(
    config.test_source_root, "lit", "dom.sh")))
config.substitutions.append(("%page_text", "python3 " + os.path.join(
    config.test_source_root, "lit", "page-text.py")))
config.substitutions.append(("%clangxx", clangxx))
config.substitutions.append(("%clang", clang))
config.substitutions.append(("%opt_viewer", "python3 " + opt_viewer))
config.substitutions.append(("%opt", opt))
config.substitutions.append(("%plugin", config.heap2stack_plugin))
config.substitutions.append(("%alloccount", config.alloccount))
config.substitutions.append(("%escape_report", config.escape_report))
config.substitutions.append(("%h2s_profile", config.profile_tool))
config.substitutions.append(("%profile_rt", config.profile_runtime))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%h2s_build", config.h2s_obj_root))
config.substitutions.append(("%man_dir", config.man_dir))


def python_with_jsonschema():
    """lit's Python when it has jsonschema, else Debian's (tools/setup.sh
    installs python3-jsonschema there). With neither, lit's: then
    validate_json.py fails each test that uses it, saying what is missing."""
    for python in (sys.executable, "/usr/bin/python3"):
        try:
            subprocess.run([python, "-c", "import jsonschema"],
                           capture_output=True, check=True)
            return python
        except (OSError, subprocess.CalledProcessError):
            pass
    return sys.executable


config.substitutions.append(("%validate_json", "%s %s" % (
    python_with_jsonschema(),
    os.path.join(config.test_source_root, "validate_json.py"))))
config.substitutions.append(("%sarif_schema", os.path.join(
    config.h2s_obj_root, "schemas", "sarif-2.1.0.json")))
config.substitutions.append(("%h2s_src", config.h2s_src_root))

config.available_features.add("llvm" + config.llvm_major)

# The shared examples (C ports of Go's escape tests with their expected
# reports), beside the source tree or where H2S_SHARED_EXAMPLES says: the
# docs' section on them is checked against them where they are.
shared_examples = os.environ.get("H2S_SHARED_EXAMPLES") or os.path.join(
    os.path.dirname(config.h2s_src_root), "shared", "examples")
if glob.glob(os.path.join(shared_examples, "c*.c")):
    config.available_features.add("shared_examples")
    config.substitutions.append(("%shared_examples", shared_examples))


def has_asan_runtime():
    """clang can link -fsanitize=address: its resource directory holds the
    ASan runtime (Debian's libclang-rt-N-dev)."""
    try:
        res = subprocess.run([clang, "-print-resource-dir"],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    libdir = os.path.join(res.stdout.strip(), "lib")
    return bool(glob.glob(os.path.join(libdir, "*", "libclang_rt.asan*.a")))


if has_asan_runtime():
    config.available_features.add("asan")

if os.path.exists(os.path.join(config.llvm_tools_dir, "ld.lld")):
    config.available_features.add("lld")

# The plugin built for the other supported release, when tools/setup.sh has
# built it too (build-llvm19/ and build-llvm22/ beside each other): loading it
# must fail with one line naming both releases.
other_major = "19" if config.llvm_major == "22" else "22"
other_plugin = os.path.join(os.path.dirname(config.test_source_root),
                            "build-llvm" + other_major, "pass", "heap2stack.so")
if os.path.exists(other_plugin):
    config.available_features.add("other_release_plugin")
    config.substitutions.append(("%other_plugin", other_plugin))
    config.substitutions.append(("%other_major", other_major))

# The clang of the other supported release (tools/test.sh installs both):
# heap2stack's CMake package must refuse it.
llvm_root = os.path.dirname(os.path.dirname(config.llvm_tools_dir))
other_clang = os.path.join(llvm_root, "llvm-" + other_major, "bin", "clang")
if os.path.exists(other_clang):
    config.available_features.add("other_release_clang")
    config.substitutions.append(("%other_clang", other_clang))
