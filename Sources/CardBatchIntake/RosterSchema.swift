/// The published XML Schema of `roster.xml`, embedded so the binary needs no resource files.
/// `cardbatch schema roster` prints it; `samples/schemas/roster.xsd` is a copy a test keeps equal.
///
/// The schema fixes the shape (which elements, in which places, each at most 4,096 characters);
/// the rules judge the values. So a malformed file rejects the bundle, while a wrong passport
/// number in one employee rejects that employee only.
public enum RosterSchema {
    public static let namespace = "urn:cardbatch:roster:1"

    public static let xsd = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- cardbatch roster schema, version 1. An employer's roster of foreign employees applying for
         the Social Security Card with embedded Work Permit information (centralized application). -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
               xmlns="urn:cardbatch:roster:1"
               targetNamespace="urn:cardbatch:roster:1"
               elementFormDefault="qualified">

      <xs:simpleType name="Text">
        <xs:restriction base="xs:string">
          <xs:maxLength value="4096"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:element name="roster">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="employer">
              <xs:complexType>
                <xs:all>
                  <!-- Registered name of the employer. -->
                  <xs:element name="name" type="Text"/>
                  <!-- Unified Social Credit Code (GB 32100-2015), 18 characters. -->
                  <xs:element name="creditCode" type="Text"/>
                </xs:all>
              </xs:complexType>
            </xs:element>
            <xs:element name="designatedStaff">
              <xs:complexType>
                <xs:all>
                  <xs:element name="name" type="Text"/>
                  <!-- resident-id-card, permanent-resident-id-card or passport. -->
                  <xs:element name="idType" type="Text"/>
                  <xs:element name="idNumber" type="Text"/>
                  <xs:element name="phone" type="Text"/>
                </xs:all>
              </xs:complexType>
            </xs:element>
            <xs:element name="authorizationLetter">
              <xs:complexType>
                <!-- File name of the letter inside the bundle (PDF, JPEG or PNG). -->
                <xs:attribute name="file" type="Text" use="required"/>
                <!-- Date of issue, YYYY-MM-DD. -->
                <xs:attribute name="issued" type="Text" use="optional"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="employees">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="employee" minOccurs="0" maxOccurs="unbounded">
                    <xs:complexType>
                      <xs:all>
                        <!-- As printed in the passport, Latin letters. -->
                        <xs:element name="surname" type="Text"/>
                        <xs:element name="givenNames" type="Text"/>
                        <xs:element name="chineseName" type="Text" minOccurs="0"/>
                        <!-- M, F or X. -->
                        <xs:element name="sex" type="Text"/>
                        <!-- YYYY-MM-DD. -->
                        <xs:element name="dateOfBirth" type="Text"/>
                        <!-- ICAO 9303 three-letter code, e.g. FRA, USA, D. -->
                        <xs:element name="nationality" type="Text"/>
                        <xs:element name="passportNumber" type="Text"/>
                        <xs:element name="passportExpiry" type="Text"/>
                        <xs:element name="workPermitNumber" type="Text"/>
                        <xs:element name="workPermitExpiry" type="Text"/>
                        <!-- File name of the photo inside the bundle, e.g. photos/martin.jpg. -->
                        <xs:element name="photo" type="Text"/>
                        <!-- The passport's machine-readable zone, two lines of 44 characters (TD3), optional. -->
                        <xs:element name="mrzLine1" type="Text" minOccurs="0"/>
                        <xs:element name="mrzLine2" type="Text" minOccurs="0"/>
                      </xs:all>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="version" type="xs:string" use="optional"/>
        </xs:complexType>
      </xs:element>
    </xs:schema>

    """
}
