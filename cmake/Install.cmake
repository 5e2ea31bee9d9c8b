# `make install` (cmake --install): the tools under names that can sit beside mescc-tools
# (hexproof-hex2, hexproof-M1, hexproof), their manual pages, the docs, and unless
# HEXPROOF_INSTALL_DROP_IN_NAMES is off, hex2 and M1 (and their pages) as links to them.
include(GNUInstallDirs)

# The folders the install creates get mode 0755 whatever the installer's umask (cmake's own
# mkdir leaves 0700 under umask 077); folders that were already there are not touched. Files get
# 0755 or 0644 from install() itself.
set(hexproof_folders ${CMAKE_INSTALL_BINDIR} ${CMAKE_INSTALL_MANDIR}/man1 ${CMAKE_INSTALL_DOCDIR})
install(CODE "
  set(hexproof_new_folders)
  foreach(folder ${hexproof_folders})
    set(path \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/\${folder}\")
    while(NOT EXISTS \"\${path}\")
      list(APPEND hexproof_new_folders \"\${path}\")
      get_filename_component(path \"\${path}\" DIRECTORY)
    endwhile()
  endforeach()")
option(HEXPROOF_INSTALL_DROP_IN_NAMES "Install hex2 and M1 as links to hexproof-hex2 and hexproof-M1" ON)

install(PROGRAMS $<TARGET_FILE:hexproof> DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS $<TARGET_FILE:hex2> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME hexproof-hex2)
install(PROGRAMS $<TARGET_FILE:M1> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME hexproof-M1)
add_subdirectory(man)
file(GLOB hexproof_docs ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md ${hexproof_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# A link is made where nothing is, or replaces a link of ours; anything else under the name (a
# mescc-tools hex2 in the same prefix) stops the installation instead of being overwritten.
function(hexproof_install_link dir name target)
  install(CODE "
    set(installed \"\${CMAKE_INSTALL_PREFIX}/${dir}/${name}\")
    set(link \"\$ENV{DESTDIR}\${installed}\")
    set(ours FALSE)
    if(IS_SYMLINK \"\${link}\")
      file(READ_SYMLINK \"\${link}\" old)
      if(old STREQUAL \"${target}\")
        set(ours TRUE)
      endif()
    endif()
    if(ours)
      file(REMOVE \"\${link}\")
    elseif(EXISTS \"\${link}\" OR IS_SYMLINK \"\${link}\")
      message(FATAL_ERROR \"\${link} exists and is not hexproof's link to ${target}: not \"
        \"replacing it (remove it, or configure with -DHEXPROOF_INSTALL_DROP_IN_NAMES=OFF)\")
    endif()
    message(STATUS \"Installing: \${link} -> ${target}\")
    file(CREATE_LINK \"${target}\" \"\${link}\" SYMBOLIC)
    file(APPEND \"${hexproof_links_manifest}\" \"${target} \${installed}\\n\")")
endfunction()

# Every link made, as "TARGET PATH" lines added by each install (PATH without DESTDIR, as in
# install_manifest.txt, which lists the files), for scripts/uninstall.sh: it removes a listed
# path only while it is still that link.
set(hexproof_links_manifest ${CMAKE_BINARY_DIR}/install_links.txt)
if(HEXPROOF_INSTALL_DROP_IN_NAMES)
  hexproof_install_link(${CMAKE_INSTALL_BINDIR} hex2 hexproof-hex2)
  hexproof_install_link(${CMAKE_INSTALL_BINDIR} M1 hexproof-M1)
  hexproof_install_link(${CMAKE_INSTALL_MANDIR}/man1 hex2.1 hexproof-hex2.1)
  hexproof_install_link(${CMAKE_INSTALL_MANDIR}/man1 M1.1 hexproof-M1.1)
endif()

install(CODE "
  foreach(path IN LISTS hexproof_new_folders)
    file(CHMOD \"\${path}\" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
         GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()")
