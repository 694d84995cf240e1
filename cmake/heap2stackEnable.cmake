# heap2stack_enable(<target> [LTO] [OPTIONS <param>...])
#
# Runs the heap2stack plugin (the imported target heap2stack::plugin) on
# <target>'s C and C++ code:
#
#   - per translation unit (the default): -fpass-plugin=<plugin> on each
#     compile;
#   - at link time, with LTO: when LTO is given or <target>'s
#     INTERPROCEDURAL_OPTIMIZATION property is on when this is called (set
#     it first, or give LTO). The compiles get -flto (unless
#     INTERPROCEDURAL_OPTIMIZATION already makes CMake add its own
#     -flto=thin), and the link -fuse-ld=lld -Wl,--load-pass-plugin=<plugin>:
#     a compile-time -fpass-plugin would skip (LLVM 22) or repeat (LLVM 19)
#     the LTO pre-link compiles. <target> must be one that links.
#
# OPTIONS are the plugin's parameters (README, "Parameters"), e.g.
# `OPTIONS max-size=256 no-loops`: `-mllvm -escape-options=...` on the
# compiles, or `-Wl,-mllvm,-escape-options=...` at the link, each with the
# flag that loads the plugin before the host parses them (-fplugin=,
# -Wl,-mllvm,-load=).
#
# The compilers of the languages <target> is written in (C, C++; from its
# sources, or every enabled one of the two when it has none yet) must be the
# clang of heap2stack's LLVM release (heap2stack_LLVM_VERSION_MAJOR): any
# other compiler is a FATAL_ERROR naming both.

include_guard(GLOBAL)

# Sets <out> to the problem with the <lang> compiler, or to "" when it is
# the clang heap2stack runs in.
function(_heap2stack_compiler_problem lang out)
  set(id "${CMAKE_${lang}_COMPILER_ID}")
  set(version "${CMAKE_${lang}_COMPILER_VERSION}")
  string(REGEX MATCH "^[0-9]+" major "${version}")
  if(id STREQUAL "Clang" AND major STREQUAL heap2stack_LLVM_VERSION_MAJOR)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  if(lang STREQUAL "CXX")
    set(name "C++")
  else()
    set(name "${lang}")
  endif()
  set(${out}
    "heap2stack is built for LLVM ${heap2stack_LLVM_VERSION_MAJOR} and runs only in clang ${heap2stack_LLVM_VERSION_MAJOR}, but the ${name} compiler is ${id} ${version} at ${CMAKE_${lang}_COMPILER}"
    PARENT_SCOPE)
endfunction()

# Sets <out> to the languages among C and CXX that <target>'s sources are
# written in; every enabled one of the two when it has no source yet.
function(_heap2stack_target_languages target out)
  get_property(enabled GLOBAL PROPERTY ENABLED_LANGUAGES)
  get_target_property(sources ${target} SOURCES)
  set(langs "")
  foreach(src IN LISTS sources)
    get_source_file_property(lang "${src}"
      TARGET_DIRECTORY ${target} LANGUAGE)
    if(NOT lang)
      get_filename_component(ext "${src}" LAST_EXT)
      string(REGEX REPLACE "^\\." "" ext "${ext}")
      foreach(l IN ITEMS C CXX)
        if(l IN_LIST enabled AND
           ext IN_LIST CMAKE_${l}_SOURCE_FILE_EXTENSIONS)
          set(lang ${l})
        endif()
      endforeach()
    endif()
    if(lang MATCHES "^(C|CXX)$")
      list(APPEND langs ${lang})
    endif()
  endforeach()
  if(NOT langs)
    foreach(l IN ITEMS C CXX)
      if(l IN_LIST enabled)
        list(APPEND langs ${l})
      endif()
    endforeach()
  endif()
  list(REMOVE_DUPLICATES langs)
  set(${out} "${langs}" PARENT_SCOPE)
endfunction()

function(heap2stack_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 H2S "LTO" "" "OPTIONS")
  set(call "heap2stack_enable(${target})")
  if(H2S_UNPARSED_ARGUMENTS)
    list(GET H2S_UNPARSED_ARGUMENTS 0 arg)
    message(FATAL_ERROR
      "${call}: unknown argument '${arg}' (expected LTO or OPTIONS <param>...).")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "${call}: there is no target named '${target}'.")
  endif()
  if("OPTIONS" IN_LIST H2S_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR
      "${call}: OPTIONS needs at least one plugin parameter (e.g. OPTIONS max-size=256).")
  endif()

  _heap2stack_target_languages(${target} langs)
  if(NOT langs)
    message(FATAL_ERROR
      "${call}: the project enables neither C nor CXX, and heap2stack works on C and C++ code.")
  endif()
  foreach(lang IN LISTS langs)
    _heap2stack_compiler_problem(${lang} problem)
    if(problem)
      message(FATAL_ERROR "${call}: ${problem}.")
    endif()
  endforeach()

  get_target_property(type ${target} TYPE)
  get_target_property(ipo ${target} INTERPROCEDURAL_OPTIMIZATION)
  set(plugin "$<TARGET_FILE:heap2stack::plugin>")
  # one -escape-options value: the parameters joined by ';'
  list(JOIN H2S_OPTIONS "\\;" params)
  set(c_or_cxx "$<COMPILE_LANGUAGE:C,CXX>")

  if(NOT H2S_LTO AND NOT ipo)
    target_compile_options(${target} PRIVATE
      "$<${c_or_cxx}:-fpass-plugin=${plugin}>")
    if(H2S_OPTIONS)
      # clang 19 parses -mllvm before it loads -fpass-plugin
      # plugins: -fplugin loads it first
      target_compile_options(${target} PRIVATE
        "$<${c_or_cxx}:-fplugin=${plugin}>"
        "$<${c_or_cxx}:SHELL:-mllvm -escape-options=${params}>")
    endif()
    return()
  endif()

  if(NOT type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY)$")
    message(FATAL_ERROR
      "${call}: with LTO heap2stack runs when ${target} is linked, but ${target} is a ${type}: enable it on the executable or library that links ${target}.")
  endif()
  if(NOT ipo)
    target_compile_options(${target} PRIVATE "$<${c_or_cxx}:-flto>")
    target_link_options(${target} PRIVATE -flto)
  endif()
  target_link_options(${target} PRIVATE
    -fuse-ld=lld "-Wl,--load-pass-plugin=${plugin}")
  if(H2S_OPTIONS)
    # lld parses -mllvm before LTO loads --load-pass-plugin plugins
    target_link_options(${target} PRIVATE
      "-Wl,-mllvm,-load=${plugin}"
      "-Wl,-mllvm,-escape-options=${params}")
  endif()
endfunction()
