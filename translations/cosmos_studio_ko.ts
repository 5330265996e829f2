<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>cosmos::app</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>사용 가능 (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available (running on the CPU)</source>
        <translation>사용 불가 (CPU에서 실행 중)</translation>
    </message>
    <message>
        <source>Cosmos Studio: world simulations with video world models.</source>
        <translation>코스모스 스튜디오: 비디오 월드 모델로 만드는 월드 시뮬레이션.</translation>
    </message>
    <message>
        <source>User-interface language (e.g. ko, en).</source>
        <translation>사용자 인터페이스 언어 (예: ko, en).</translation>
    </message>
</context>
<context>
    <name>cosmos::app::MainWindow</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Engine: %1 · LibTorch %2</source>
        <translation>엔진: %1 · LibTorch %2</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>새 프로젝트(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>프로젝트 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Projects are not available in this build yet.</source>
        <translation>이 빌드에서는 아직 프로젝트를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Cosmos Studio</source>
        <translation>Cosmos Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation>최근 프로젝트 없음</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::projects</name>
    <message>
        <source>unavailable (Qt SQLite driver missing)</source>
        <translation>사용 불가 (Qt SQLite 드라이버 없음)</translation>
    </message>
    <message>
        <source>unavailable (could not open SQLite)</source>
        <translation>사용 불가 (SQLite를 열 수 없음)</translation>
    </message>
    <message>
        <source>%1 (not a path under media/)</source>
        <translation>%1 (media/ 아래의 경로가 아님)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (없음)</translation>
    </message>
    <message>
        <source>%1 (content does not match its hash)</source>
        <translation>%1 (내용이 해시와 일치하지 않음)</translation>
    </message>
    <message>
        <source>There is no take %1.</source>
        <translation>테이크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read the table %1 of the project: %2</source>
        <translation>프로젝트의 %1 테이블을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot export: media files of the project are missing or damaged (a project check lists them): %1</source>
        <translation>내보낼 수 없습니다. 프로젝트의 미디어 파일이 없거나 손상되었습니다(프로젝트 검사에서 목록을 확인할 수 있습니다): %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2. Nothing was written.</source>
        <translation>%1을(를) 가져올 수 없습니다: %2. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 holds a project of format %2, made by a newer Cosmos Studio (this version reads up to %3). Nothing was written.</source>
        <translation>%1에는 최신 Cosmos Studio에서 만든 형식 %2의 프로젝트가 들어 있습니다(이 버전은 형식 %3까지 읽을 수 있습니다). 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 already exists and is not empty; import into a new folder.</source>
        <translation>%1이(가) 이미 있으며 비어 있지 않습니다. 새 폴더로 가져오십시오.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot import into %1: %2</source>
        <translation>%1(으)로 가져올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>its rows do not fit a project of format %1 (%2)</source>
        <translation>행이 형식 %1 프로젝트와 맞지 않음 (%2)</translation>
    </message>
    <message>
        <source>its rows and media files do not agree</source>
        <translation>행과 미디어 파일이 서로 일치하지 않음</translation>
    </message>
    <message>
        <source>database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>references</source>
        <translation>참조</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>손상됨</translation>
    </message>
    <message>
        <source>unreferenced</source>
        <translation>참조되지 않음</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Change Prompt</source>
        <translation>프롬프트 변경</translation>
    </message>
    <message>
        <source>Change Negative Prompt</source>
        <translation>네거티브 프롬프트 변경</translation>
    </message>
    <message>
        <source>Change Conditioning</source>
        <translation>컨디셔닝 변경</translation>
    </message>
    <message>
        <source>Change Setting</source>
        <translation>설정 변경</translation>
    </message>
    <message>
        <source>There is no project at %1: the file does not exist.</source>
        <translation>%1에 프로젝트가 없습니다. 파일이 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a database. It was left untouched.</source>
        <translation>%1을(를) 데이터베이스로 열 수 없습니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database (%2). It was left untouched; you can open a read-only copy to see what can still be read.</source>
        <translation>%1이(가) 손상되었거나 데이터베이스가 아닙니다(%2). 파일은 변경되지 않았습니다. 읽기 전용 사본을 열어 아직 읽을 수 있는 내용을 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is an empty database, not a Cosmos Studio project. It was left untouched.</source>
        <translation>%1은(는) Cosmos Studio 프로젝트가 아니라 빈 데이터베이스입니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not a Cosmos Studio project. It was left untouched.</source>
        <translation>%1은(는) Cosmos Studio 프로젝트가 아니라 다른 애플리케이션의 SQLite 데이터베이스입니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer Cosmos Studio (project format %2; this version reads up to %3). It was left untouched; update Cosmos Studio, or open a read-only copy.</source>
        <translation>%1은(는) 최신 Cosmos Studio에서 저장되었습니다(프로젝트 형식 %2, 이 버전은 형식 %3까지 읽을 수 있음). 파일은 변경되지 않았습니다. Cosmos Studio를 업데이트하거나 읽기 전용 사본을 여십시오.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). It was left untouched; open a read-only copy to rescue what can still be read.</source>
        <translation>%1이(가) 손상되었습니다(%2). 파일은 변경되지 않았습니다. 읽기 전용 사본을 열어 아직 읽을 수 있는 내용을 복구하십시오.</translation>
    </message>
    <message>
        <source>The project has %1 segments; a take can go into segment 1 to %2.</source>
        <translation>프로젝트에 세그먼트가 %1개 있습니다. 테이크는 세그먼트 1부터 %2까지에만 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the project: %2</source>
        <translation>%1을(를) 프로젝트에 보관할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot copy the take into the project: %1</source>
        <translation>테이크를 프로젝트로 복사할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::AddSegmentCommand</name>
    <message>
        <source>Add Segment</source>
        <translation>세그먼트 추가</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::Commands</name>
    <message>
        <source>Select Take</source>
        <translation>테이크 선택</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::MoveSegmentCommand</name>
    <message>
        <source>Move Segment</source>
        <translation>세그먼트 이동</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::ProjectStore</name>
    <message>
        <source>%1 already holds a project.</source>
        <translation>%1에 이미 프로젝트가 있습니다.</translation>
    </message>
    <message>
        <source>Cannot create the project folder %1.</source>
        <translation>프로젝트 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is being created by another process.</source>
        <translation>다른 프로세스에서 %1을(를) 만드는 중입니다.</translation>
    </message>
    <message>
        <source>Cannot create the project in %1: %2</source>
        <translation>%1에 프로젝트를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is open in another program (%2, process %3). Close it there, or open a read-only copy.</source>
        <translation>%1이(가) 다른 프로그램에서 열려 있습니다(%2, 프로세스 %3). 해당 프로그램에서 닫거나 읽기 전용 사본을 여십시오.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to a temporary folder.</source>
        <translation>%1을(를) 임시 폴더로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot update %1 from project format %2 to %3; nothing was changed.</source>
        <translation>%1을(를) 프로젝트 형식 %2에서 %3(으)로 업데이트할 수 없습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>The project database refused a change: %1</source>
        <translation>프로젝트 데이터베이스가 변경을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>This project is open read-only.</source>
        <translation>이 프로젝트는 읽기 전용으로 열려 있습니다.</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>작업 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Job %1 is %2; only interrupted, failed or cancelled jobs can be queued again.</source>
        <translation>작업 %1의 상태는 %2입니다. 중단되었거나 실패했거나 취소된 작업만 다시 대기열에 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no segment %1.</source>
        <translation>세그먼트 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no take %1.</source>
        <translation>테이크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Take %1 does not belong to segment %2.</source>
        <translation>테이크 %1은(는) 세그먼트 %2에 속하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::RemoveSegmentCommand</name>
    <message>
        <source>Remove Segment</source>
        <translation>세그먼트 제거</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::AboutDialog</name>
    <message>
        <source>About Cosmos Studio</source>
        <translation>Cosmos Studio 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cosmos Studio %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;코스모스 스튜디오 %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Author world simulations with Cosmos-Predict2.5-class video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>Cosmos-Predict2.5급 비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>버전 복사(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::WelcomePanel</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message>
        <source>Author world simulations with video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
</context>
</TS>
