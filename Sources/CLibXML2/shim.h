// libxml2 built with ICU includes <unicode/ucnv.h>, which clashes with the ICU copy inside
// Swift's Foundation. cardbatch never touches the ICU fields of xmlCharEncodingHandler (it only
// passes pointers to it around), so the ICU part of the headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
