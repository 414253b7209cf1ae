// Invented reports, one per era's layout, for the action-list rules (issue 11): who owns each list, which
// lists are strengths, where a list ends, and how an area SEND table's rows are read. Written in the
// reports' style, not copied from any real report.

/** SIF 2014-15: numbered strengths, priority actions and areas for improvement, then "Section 2", the board's part. */
export const SIF_2014_HARLOWMERE = `Harlowmere Borough Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the local safeguarding children
board
Inspection date: 7 July 2014 – 31 July 2014
Report published: 3 October 2014

Children's services in Harlowmere require improvement to be good

1. Children who need help and protection                          Requires improvement

2. Children looked after and achieving permanence                 Requires improvement

      2.1 Adoption performance                                    Good

      2.2 Experiences and progress of care leavers                Requires improvement

3. Leadership, management and governance                          Requires improvement


The effectiveness of the Local Safeguarding Children Board requires improvement


                                                                                    1

Contents
Section 1: the local authority                                             3
  What does the local authority need to improve?                            4
Section 2: The effectiveness of the Local Safeguarding Children Board       9

Section 1: the local authority
Summary of findings

    1.  Children's services in Harlowmere require improvement because too many
        children wait too long for an assessment of their needs.

    2.  Managers do not always check that the actions in children's plans are
        carried out, and some plans drift without anyone noticing.

    3.  Senior leaders have an accurate view of the service and have begun to
        act on it, but the changes are recent.

    4.  Elected members are committed to children looked after and ask searching
        questions about their progress.

The local authority has the following strengths:

    5.  Children who go missing from home or care are seen by a worker they know
        when they return, and what they say is used to keep them safe.

    6.  Adopters are recruited in good time and are well prepared for the
        children placed with them.

    7.  Care leavers live in suitable accommodation and most are in education,
        employment or training.

What does the local authority need to improve?
Priority and immediate action

    8.  Ensure that all contacts about children at risk of harm are screened by a
        qualified social worker within 24 hours.

    9.  Make sure that strategy discussions include the police and health
        professionals whenever a child may be at risk of significant harm.

Areas for improvement

    10. Improve the quality of assessments so that they consider the history of
        each family and the views of the child.

    11. Strengthen management oversight of casework, so that drift in children's
        plans is seen and acted on quickly.

    12. Ensure that independent reviewing officers challenge delay and that their
        challenge is recorded.

    13. Review the sufficiency of local foster placements for older children and
        sibling groups.


                                                                                    5

Inspection judgements about the local authority

    14. Early help services are well established in children's centres and schools,
        and families speak well of the workers who support them.

    15. Thresholds are understood by most partners, although some referrals from
        schools lack the detail that social workers need.

    16. Independent reviewing officers know the children they review well, and
        social workers and managers mostly act on their
        recommendations.

    17. Children looked after are visited regularly by social workers, who see them
        alone and record what they say.

    18. The virtual school tracks the attainment of children looked after closely,
        and the gap with their peers is narrowing.


                                                                                    8

Section 2: The effectiveness of the Local Safeguarding
Children Board
The effectiveness of the LSCB requires improvement

Priority and immediate action

    19. Ensure that the board receives and scrutinises data on children missing
        from home, care and education.

Areas for improvement

    20. Ensure that schools are represented at board level and take a full part in
        the board's work.

    21. Strengthen the board's oversight of multi-agency training, so that its
        impact on practice is known.

    22. Review the child sexual exploitation strategy with partners and link it to
        front-line practice.

Key strengths and weaknesses of the LSCB

    23. The LSCB meets its statutory duties and is chaired independently. Partners
        attend regularly and at a senior level.

    24. The board's business plan reflects local needs, but progress on some of its
        priorities has been slow.

    25. Serious case reviews are completed in good time, and their lessons are
        shared with front-line staff.

What the inspection judgements mean: the LSCB
An LSCB that is good coordinates the activity of statutory partners.
`;

/** SIF 2015-17: the board's part (its grade is given only there, not on the front page), "The Local Safeguarding Children Board (LSCB)", its graded line and its recommendations. */
export const SIF_2016_PENROSE = `Penrose County Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the local safeguarding children
board
Inspection date: 11 January 2016 – 4 February 2016
Report published: 21 March 2016

The overall judgement is that children's services are good


The judgements on areas of the service that contribute to overall effectiveness are:

1. Children who need help and protection                               Good

2. Children looked after and achieving permanence                      Good

          2.1 Adoption performance                                     Good

          2.2 Experiences and progress of care leavers                 Requires improvement

3. Leadership, management and governance                               Good


                                                                                     1

Executive summary

Children in Penrose receive good help when they first need it.

The local authority's strengths

1.   Leaders know the service well and act quickly when performance slips.

2.   Social workers have manageable caseloads and good supervision.

Recommendations

3.   Improve the quality of pathway plans so that they set out what care leavers
     need to do and who will help them.

4.   Ensure that return home interviews are offered to every child who goes
     missing, and that what they say informs their plans.

5.   Strengthen the analysis of performance information reported to the corporate
     parenting panel.


                                                                                     4

Inspection judgements about the local authority

6.   Children receive a prompt response when they first need help, and thresholds
     are well understood by partners.

7.   Most children looked after live in stable homes close to their families.


                                                                                     9

The Local Safeguarding Children Board (LSCB)
     The Local Safeguarding Children Board is good

     Executive summary

     The board is independently chaired and has strong partner attendance at a senior
     level. Its priorities reflect local needs.

Recommendations

8.   Ensure that the board's performance data covers the whole journey of the child.

9.   The LSCB should evaluate the impact of its multi-agency training on practice.

Inspection findings – the Local Safeguarding Children Board

10.  The board is chaired effectively and partners hold each other to account for
     the quality of their safeguarding work.

11.  Learning from case reviews is shared widely and is changing practice.

What the inspection judgements mean
An LSCB that is good coordinates the activity of statutory partners.
`;

/** ILACS 2018: "What needs to improve", then a judgement heading whose grade stands alone on the next line. */
export const ILACS_2018_OAKHURST = `Oakhurst City Council
Inspection of children's social care services
Inspection dates: 9 April 2018 to 20 April 2018

Lead inspector: Tamsin Harrowby
                Her Majesty's Inspector


 Judgement                                                     Grade

 The impact of leaders on social work practice with children
                                                               Requires improvement to be good
 and families

 The experiences and progress of children who need help and
                                                               Requires improvement to be good
 protection

 The experiences and progress of children in care and care
                                                               Good
 leavers


 Overall effectiveness                                         Requires improvement to be good


Children in care and care leavers receive a good service, and most live with carers
who meet their needs well.


                                                                                       1

What needs to improve

 The identification of the cumulative impact of neglect on children and the
  timeliness of the response when their needs escalate.

 The timeliness and quality of assessments of friends and family carers.

 The understanding of thresholds for early help among partner agencies.




                                                                                     2

The experiences and progress of children who need help and protection
requires improvement to be good

1.   Children and families benefit from a wide range of early help services, and
     the number of early help assessments has risen sharply this year.

2.   Strategy discussions are held promptly, but police are not always present
     and health professionals are rarely invited.

The experiences and progress of children in care and care leavers: good

3.   Children come into care when they need to, and decisions are made at the
     right level.

4.   Care leavers are well supported by personal advisers who know them well.

The impact of leaders on social work practice with children and families
requires improvement to be good

5.   Leaders have an accurate understanding of the service and have begun to
     strengthen the front door.

6.   Caseloads are manageable for most social workers.
`;

/** 2013 inspection of looked-after children's services: a numbered lead-in to the areas for improvement, and a grade for outcomes that is no framework judgement. */
export const LAC_2013_WEXCOMBE = `Inspection of looked after children
services
Wexcombe Council




Inspection dates:   15-19 July 2013
Reporting inspector Hollis Fenwick HMI

Published:   23 August 2013


About this inspection
1.    The purpose of the inspection is to evaluate the contribution made by
      relevant services to the quality of provision for looked after children.

The inspection judgements and what they mean
2.    All inspection judgements are made using the following four point scale.

        Outstanding (Grade 1) A service that significantly exceeds
                              minimum requirements
        Good (Grade 2)              A service that exceeds minimum
                                    requirements
        Adequate (Grade 3)          A service that only meets minimum
                                    requirements
        Inadequate (Grade 4)        A service that does not meet minimum
                                    requirements

Overall effectiveness of services for looked after
children and young people
Grade 3 (Adequate)
3.    The judgement for overall effectiveness is adequate. Children are safe in
      their placements, but too many wait too long for a permanent home.

4.    Senior managers know their services well and have recently strengthened
      the oversight of children's plans.

Areas for improvement
5.    In order to improve the quality of provision and services for looked after
      children and young people in Wexcombe, the local authority should take the
      following action.

      Immediately:

      \uF0A7      ensure that there is a clear analysis of risk for all children and
             young people who are entering or leaving care

      \uF0A7      ensure that social workers tell looked after children about the
             complaints process and the advocacy service

      Within three months:

      \uF0A7      complete initial health assessments for looked after children within
             statutory timescales.

Outcomes for looked after children and young people
Grade 2 (Good)
6.    Most looked after children make good progress at school, and their
      attendance is high.

Leadership and management
Grade 3 (Adequate)
7.    The corporate parenting board has a clear plan, but it does not yet measure
      the difference its work makes for children.
`;

const SEND_HEAD = `Local area partnership report




Area SEND inspection of Aldermoor Local
Area Partnership
Inspection dates: 11 to 15 March 2024
Dates of previous inspection: 23 to 27 January 2017


 Inspection outcome

There are widespread and/or systemic failings leading to significant concerns about
the experiences and outcomes of children and young people with special educational
needs and/or disabilities (SEND), which the local area partnership must address
urgently.

Information about the local area partnership
Aldermoor City Council and NHS Aldermoor Integrated Care Board (ICB) are jointly
responsible for the planning and commissioning of services for children and young
people with SEND in Aldermoor.
`;

const SEND_AREAS_FOR_IMPROVEMENT = `
Areas for improvement
Leaders should improve the timeliness of education, health and care plans, so that
children's needs are met without delay.
Leaders should strengthen the way they gather the views of children and young
people. This includes ensuring that:
• their views shape the commissioning of services
• their voices are heard in annual reviews.
Leaders must make sure that health advice for new plans is received on time.
Leaders should work with schools to reduce the number of children who are
suspended.
`;

/** Area SEND 2024, layout text: a "Responsible body" table whose rows cross a page footer, then unmarked "Leaders should" items. */
export const SEND_2024_ALDERMOOR_LAYOUT = `${SEND_HEAD}
Areas for priority action

 Responsible body                   Areas for priority action
 Aldermoor City Council and         Leaders across the partnership should urgently
 NHS Aldermoor Integrated Care      improve the timeliness of education, health and care
 Board                              plans, so that:
                                    •   new plans are issued within 20 weeks
                                    •   annual reviews lead to amended plans promptly.
 Aldermoor City Council             Leaders should make sure that the local offer gives
                                    families accurate information about services.


Inspection report: Aldermoor Local Area Partnership
11 to 15 March 2024                                                             6

 NHS Aldermoor Integrated Care      Leaders should reduce waiting times for
 Board                              neurodevelopmental assessments. Leaders should also
                                    keep families informed while they wait.
${SEND_AREAS_FOR_IMPROVEMENT}`;

/** The same report in reading order (pdftotext without -layout): each body's name on lines of its own, then its action. */
export const SEND_2024_ALDERMOOR_READING_ORDER = `${SEND_HEAD}
Areas for priority action

Responsible body Areas for priority action
Aldermoor City Council and
NHS Aldermoor Integrated Care
Board
Leaders across the partnership should urgently improve the timeliness of
education, health and care plans, so that:
• new plans are issued within 20 weeks
• annual reviews lead to amended plans promptly.
Aldermoor City Council
Leaders should make sure that the local offer gives families accurate information
about services.

Inspection report: Aldermoor Local Area Partnership
11 to 15 March 2024
6

NHS Aldermoor Integrated Care Board
Leaders should reduce waiting times for neurodevelopmental assessments.
Leaders should also keep families informed while they wait.
${SEND_AREAS_FOR_IMPROVEMENT}`;
