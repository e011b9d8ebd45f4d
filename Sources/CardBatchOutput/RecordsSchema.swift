/// The published XML Schema of `accepted/records.xml`, embedded so the binary needs no resource
/// files. `cardbatch schema records` prints it; `samples/schemas/records.xsd` is a copy a test keeps equal.
/// Unlike the roster schema, it types every value: only records that passed every rule get here.
public enum RecordsSchema {
    public static let namespace = "urn:cardbatch:records:1"

    public static let xsd = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- cardbatch accepted records, version 1: employees accepted for card production. -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
               xmlns="urn:cardbatch:records:1"
               targetNamespace="urn:cardbatch:records:1"
               elementFormDefault="qualified">

      <xs:simpleType name="Sha256">
        <xs:restriction base="xs:string"><xs:pattern value="[0-9a-f]{64}"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="Text">
        <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="4096"/></xs:restriction>
      </xs:simpleType>

      <xs:element name="acceptedRecords">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="employer">
              <xs:complexType>
                <xs:attribute name="name" type="Text" use="required"/>
                <xs:attribute name="creditCode" type="Text" use="required"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="record" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="surname" type="Text"/>
                  <xs:element name="givenNames" type="Text"/>
                  <xs:element name="chineseName" type="Text" minOccurs="0"/>
                  <xs:element name="sex">
                    <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="M"/><xs:enumeration value="F"/><xs:enumeration value="X"/></xs:restriction></xs:simpleType>
                  </xs:element>
                  <xs:element name="dateOfBirth" type="xs:date"/>
                  <xs:element name="nationality">
                    <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{1,3}"/></xs:restriction></xs:simpleType>
                  </xs:element>
                  <xs:element name="passportNumber">
                    <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]+"/></xs:restriction></xs:simpleType>
                  </xs:element>
                  <xs:element name="passportExpiry" type="xs:date"/>
                  <xs:element name="workPermitNumber" type="Text"/>
                  <xs:element name="workPermitExpiry" type="xs:date"/>
                  <xs:element name="photo">
                    <xs:complexType>
                      <xs:attribute name="file" type="Text" use="required"/>
                      <xs:attribute name="sha256" type="Sha256" use="required"/>
                      <xs:attribute name="bytes" type="xs:positiveInteger" use="required"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="key" type="Text" use="required"/>
                <xs:attribute name="rosterRow" type="xs:positiveInteger" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="version" type="xs:string" use="required"/>
          <xs:attribute name="bundle" type="Text" use="required"/>
          <xs:attribute name="bundleSha256" type="Sha256" use="required"/>
          <xs:attribute name="processingDate" type="xs:date" use="required"/>
          <xs:attribute name="toolVersion" type="Text" use="required"/>
          <xs:attribute name="ruleSetVersion" type="Text" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:schema>

    """
}
